using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.MapStates;

/// <summary>
/// Watches the maps in the running listener: turns a caught-up map Running, tells the observers every map's state at
/// start and any change made elsewhere (another instance, a command on the store), and warns once each time a map's
/// backlog crosses <see cref="MapStateOptions.BacklogWarningEvents"/>.
/// </summary>
public sealed partial class MapStateMonitor(
    MapOperations operations,
    MapBacklogReader backlogs,
    MapStateNotifier notifier,
    IOptions<MapStateOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<MapStateMonitor> logger) : BackgroundService
{
    private readonly HashSet<string> _overThreshold = new(StringComparer.Ordinal);

    /// <summary>One round of checks (the service runs it every <see cref="MapStateOptions.CheckInterval"/>).</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var maps = await operations.GetMapsAsync(cancellationToken).ConfigureAwait(false);
        if (maps.Any(m => m.State == MapRunState.CatchingUp))
        {
            var blocked = await backlogs.CountBlockedAsync(cancellationToken).ConfigureAwait(false);
            if ((await operations.FinishCatchUpAsync(maps, blocked, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                maps = await operations.GetMapsAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var threshold = options.Value.BacklogWarningEvents;
        foreach (var map in maps)
        {
            await notifier.NotifyAsync(map.Name, map.State, cancellationToken).ConfigureAwait(false);
            if (map.Backlog > threshold)
            {
                if (_overThreshold.Add(map.Name))
                {
                    LogBacklogOverThreshold(map.Name, map.Backlog, threshold, map.State);
                }
            }
            else if (_overThreshold.Remove(map.Name))
            {
                LogBacklogBackUnder(map.Name, map.Backlog, threshold);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The state tables exist once the host has started (the inbox initializer creates them).
        await WhenStartedAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogCheckFailed(ex);
            }

            try
            {
                await Task.Delay(options.Value.CheckInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Map '{Map}' has {Backlog} events waiting, above the warning threshold of {Threshold} (DualWrite:MapStates:BacklogWarningEvents); it is {State}.")]
    private partial void LogBacklogOverThreshold(string map, long backlog, long threshold, MapRunState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Map '{Map}' backlog is back under the warning threshold: {Backlog} events waiting (threshold {Threshold}).")]
    private partial void LogBacklogBackUnder(string map, long backlog, long threshold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the maps' states and backlogs failed; trying again at the next interval.")]
    private partial void LogCheckFailed(Exception exception);
}
