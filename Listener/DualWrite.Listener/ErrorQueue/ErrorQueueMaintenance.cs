using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>
/// Keeps the error queue current while the listener runs: every <see cref="ErrorQueueOptions.SweepInterval"/> it takes in
/// new failures, settles retried entries, and purges resolved and discarded ones older than
/// <see cref="ErrorQueueOptions.RetentionDays"/>. Runs on the TimeProvider, so tests move time instead of waiting.
/// </summary>
public sealed partial class ErrorQueueMaintenance(
    ErrorOperations operations,
    ErrorEntryStore entries,
    IOptions<ErrorQueueOptions> options,
    TimeProvider time,
    ILogger<ErrorQueueMaintenance> logger,
    IHostApplicationLifetime? lifetime = null) : BackgroundService
{
    /// <summary>One sweep: refresh, then purge what the retention lets go. Returns the entries purged.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await operations.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var purged = await entries.PurgeSettledAsync(cutoff, cancellationToken).ConfigureAwait(false);
        if (purged > 0)
        {
            LogPurged(logger, purged, options.Value.RetentionDays);
        }

        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep waits for every hosted service to start: the store's tables are created by one of them.
        if (lifetime is not null && !await StartedAsync(lifetime, stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store may be briefly unavailable; the next sweep tries again.
                LogSweepFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> StartedAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult(true));
        using var onStopping = stoppingToken.Register(() => started.TrySetResult(false));
        return await started.Task.ConfigureAwait(false);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Error queue: purged {Count} resolved or discarded entries older than {Days} days.")]
    private static partial void LogPurged(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Error queue sweep failed; it runs again at the next interval.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
