using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace DualWrite.Listener.Bulk.Progress;

/// <summary>
/// A live display on a terminal (Spectre.Console): one bar per map with its rows, rate, errors and time left,
/// redrawn a few times a second from the maps' counters. Only the display task touches the console.
/// </summary>
public sealed class TerminalProgress : IInitialSyncProgress
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentQueue<MapProgress> _added = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _display;

    public TerminalProgress(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        _display = console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(DrawAsync);
    }

    public void Track(MapProgress map) => _added.Enqueue(map ?? throw new ArgumentNullException(nameof(map)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _display.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task DrawAsync(ProgressContext context)
    {
        var shown = new List<(MapProgress Map, ProgressTask Task)>();
        while (true)
        {
            while (_added.TryDequeue(out var map))
            {
                shown.Add((map, context.AddTask(Markup.Escape(map.Map), maxValue: 1)));
            }

            foreach (var (map, task) in shown)
            {
                // Without a source count the bar tracks what was read so far.
                task.MaxValue = Math.Max(1, map.Expected ?? Math.Max(map.Read, map.Done));
                task.Value = Math.Min(task.MaxValue, map.Done);
                task.Description = Markup.Escape(string.Format(
                    CultureInfo.InvariantCulture,
                    "wave {0} {1,-24} {2,12} rows {3,10} {4} failed",
                    map.Wave,
                    map.Map,
                    ProgressText.Count(map.Done),
                    ProgressText.Rate(map.RowsPerSecond),
                    ProgressText.Count(map.Failed)));
                if (map.IsFinished && !task.IsFinished)
                {
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
            }

            if (_stop.IsCancellationRequested)
            {
                foreach (var (_, task) in shown)
                {
                    task.StopTask();
                }

                return;
            }

            try
            {
                await Task.Delay(Refresh, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // One last drawing with the final figures.
            }
        }
    }
}
