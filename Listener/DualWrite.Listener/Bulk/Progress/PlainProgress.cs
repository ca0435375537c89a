using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Bulk.Progress;

/// <summary>
/// Progress for a log or a pipe: every <c>interval</c>, one line per map still loading (and once for each map
/// that finished since the last lines). Nothing per record.
/// </summary>
public sealed class PlainProgress : IInitialSyncProgress
{
    private readonly TextWriter _output;
    private readonly ConcurrentQueue<MapProgress> _maps = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public PlainProgress(TextWriter output, TimeSpan interval, TimeProvider timeProvider)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        ArgumentNullException.ThrowIfNull(timeProvider);
        _loop = LoopAsync(interval, timeProvider);
    }

    public void Track(MapProgress map) => _maps.Enqueue(map ?? throw new ArgumentNullException(nameof(map)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval, TimeProvider timeProvider)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                WriteLines();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the run's summary follows.
        }
    }

    private void WriteLines()
    {
        foreach (var map in _maps.ToArray().Where(m => !m.IsFinished))
        {
            _output.WriteLine(ProgressText.Line(map));
        }

        // A finished map is shown once more with its final figures, then no longer.
        var count = _maps.Count;
        for (var i = 0; i < count && _maps.TryDequeue(out var map); i++)
        {
            if (map.IsFinished)
            {
                _output.WriteLine(ProgressText.Line(map));
            }
            else
            {
                _maps.Enqueue(map);
            }
        }

        _output.Flush();
    }
}
