using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Processing;

/// <summary>
/// Claims due records from the inbox (in batches, queued locally), applies their head events through
/// <see cref="IChangeApplier"/> (up to MaxDegreeOfParallelism records at once) and records each outcome. Sleeps on <see cref="InboxSignal"/> or
/// until the next attempt time; never dies on a failed apply or a failing database; on shutdown cancels
/// running applies and returns their events to the inbox.
/// </summary>
public sealed partial class InboxWorker : BackgroundService
{
    private readonly IEventInbox store;
    private readonly IChangeApplier applier;
    private readonly InboxSignal signal;
    private readonly IOptions<ProcessingOptions> optionsAccessor;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<InboxWorker> logger;
    private ProcessingOptions options = null!;
    private string? instanceName;
    private DateTimeOffset nextPurgeAt;

    /// <summary>How often finished events older than the retention are deleted.</summary>
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    /// <remarks>The options are read when the worker starts, after the host has validated every section.</remarks>
    public InboxWorker(IEventInbox store, IChangeApplier applier, InboxSignal signal, IOptions<ProcessingOptions> options, TimeProvider timeProvider, ILogger<InboxWorker> logger)
    {
        this.store = store;
        this.applier = applier;
        this.signal = signal;
        optionsAccessor = options;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>The lease owner name of this instance.</summary>
    public string InstanceName => instanceName ??= optionsAccessor.Value.InstanceName
        ?? Environment.MachineName + ":" + Environment.ProcessId + ":" + Guid.NewGuid().ToString("N")[..8];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        options = optionsAccessor.Value;

        // Another instance sharing the inbox may store the work; let it wake this one.
        var listening = store is IInboxWakeSource wakeSource
            ? Task.Run(() => wakeSource.ListenAsync(signal.Notify, stoppingToken), CancellationToken.None)
            : Task.CompletedTask;
        LogStarted(InstanceName, options.MaxDegreeOfParallelism);
        var running = new List<Task>();
        var ready = new Queue<InboxEvent>();
        var parallelism = options.MaxDegreeOfParallelism;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Reset first: whatever notifies from here on is seen by the wait below.
                signal.Reset();
                running.RemoveAll(task => task.IsCompleted);
                await PurgeWhenDueAsync(stoppingToken).ConfigureAwait(false);

                // Claim when the local queue is empty, up to twice the parallelism: one claim then feeds
                // several completions, instead of one claim (a serialised transaction) per event.
                var claimedSome = false;
                if (ready.Count == 0 && running.Count < parallelism)
                {
                    try
                    {
                        var claimed = await store.ClaimAsync(InstanceName, (2 * parallelism) - running.Count, options.LeaseDuration, stoppingToken).ConfigureAwait(false);
                        foreach (var leased in claimed)
                        {
                            ready.Enqueue(leased);
                        }

                        claimedSome = claimed.Count > 0;
                    }
                    catch (Exception ex) when (IsStoreFailure(ex, stoppingToken))
                    {
                        LogStoreFailure(ex, "claim work");
                        await Task.Delay(options.StoreFailureDelay, timeProvider, stoppingToken).ConfigureAwait(false);
                        continue;
                    }
                }

                while (running.Count < parallelism && ready.Count > 0)
                {
                    var leased = ready.Dequeue();
                    if (leased.LeaseExpiresAt - timeProvider.GetUtcNow() < options.ApplyTimeout)
                    {
                        // Waited too long in the queue to finish under its lease: hand it back rather than race a taker.
                        await ReleaseQuietlyAsync(leased).ConfigureAwait(false);
                        continue;
                    }

                    running.Add(Task.Run(() => ProcessAsync(leased, stoppingToken), CancellationToken.None));
                }

                if (claimedSome && ready.Count == 0 && running.Count < parallelism)
                {
                    continue; // Slots are still free and there may be more; the next claim says.
                }

                await WaitForWorkAsync(ready.Count == 0 && running.Count < parallelism, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        // Running applies saw the cancellation; each returns its own event, and this catches any left over.
        await Task.WhenAll(running).ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), timeProvider);
            var released = await store.ReleaseAllAsync(InstanceName, timeout.Token).ConfigureAwait(false);
            LogStopped(InstanceName, released);
        }
        catch (Exception ex) when (IsStoreFailure(ex, CancellationToken.None) || ex is OperationCanceledException)
        {
            LogStoreFailure(ex, "return leased events on shutdown (their leases will expire instead)");
        }

        await listening.ConfigureAwait(false);
    }

    private async Task PurgeWhenDueAsync(CancellationToken stoppingToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now < nextPurgeAt)
        {
            return;
        }

        nextPurgeAt = now + PurgeInterval;
        try
        {
            var purged = await store.PurgeCompletedAsync(now - options.CompletedRetention, stoppingToken).ConfigureAwait(false);
            if (purged > 0)
            {
                LogPurged(purged, options.CompletedRetention);
            }
        }
        catch (Exception ex) when (IsStoreFailure(ex, stoppingToken))
        {
            LogStoreFailure(ex, "delete old finished events");
        }
    }

    private async Task WaitForWorkAsync(bool canTakeMore, CancellationToken stoppingToken)
    {
        var wait = options.IdleRecheckInterval;
        if (canTakeMore)
        {
            try
            {
                var nextDue = await store.GetNextDueTimeAsync(InstanceName, stoppingToken).ConfigureAwait(false);
                if (nextDue is { } due)
                {
                    var untilDue = due - timeProvider.GetUtcNow();
                    wait = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < wait ? untilDue : wait;
                }
            }
            catch (Exception ex) when (IsStoreFailure(ex, stoppingToken))
            {
                LogStoreFailure(ex, "read the next attempt time");
                wait = options.StoreFailureDelay;
            }
        }

        if (wait > TimeSpan.Zero)
        {
            await signal.WaitAsync(wait, timeProvider, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(InboxEvent leased, CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await ApplyAsync(leased, stoppingToken).ConfigureAwait(false);
            if (outcome is null)
            {
                await ReleaseAsync(leased).ConfigureAwait(false);
                return;
            }

            await RecordAsync(leased, outcome).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, CancellationToken.None) || ex is OperationCanceledException)
        {
            // The lease expires and the event is claimed again: at least once, never lost.
            LogStoreFailure(ex, "record the outcome of " + leased.EventId);
        }
        finally
        {
            signal.Notify();
        }
    }

    /// <summary>The applier's outcome; null when shutdown interrupted it (the event goes back).</summary>
    private async Task<ApplyOutcome?> ApplyAsync(InboxEvent leased, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(options.ApplyTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            return await applier.ApplyAsync(leased, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return ApplyOutcome.RetryLater("The apply did not finish within " + options.ApplyTimeout + ".");
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // An applier bug or an unexpected failure: keep the event, keep going.
            LogApplyThrew(ex, leased.EventId, leased.RecordKey);
            return ApplyOutcome.RetryLater("The applier threw " + ex.GetType().Name + ": " + ex.Message);
        }
    }

    private async Task RecordAsync(InboxEvent leased, ApplyOutcome outcome)
    {
        // Record even when shutdown began meanwhile: the work is done, saying so avoids a repeat.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), timeProvider);
        var ct = timeout.Token;
        var now = timeProvider.GetUtcNow();
        var gaveUp = options.MaxAttempts > 0 && leased.Attempts >= options.MaxAttempts
            && outcome.Kind is ApplyOutcomeKind.RetryLater or ApplyOutcomeKind.WaitForRecord;
        LeaseResult result;
        if (gaveUp)
        {
            var reason = "Gave up after " + leased.Attempts + " attempts; last: " + outcome.Reason;
            LogFailed(leased.EventId, leased.RecordKey, reason);
            result = await store.FailAsync(leased, InstanceName, reason, ct).ConfigureAwait(false);
        }
        else
        {
            switch (outcome.Kind)
            {
                case ApplyOutcomeKind.Applied:
                    result = await store.CompleteAsync(leased, InstanceName, InboxEventState.Applied, null, ct).ConfigureAwait(false);
                    break;
                case ApplyOutcomeKind.Skipped:
                    result = await store.CompleteAsync(leased, InstanceName, InboxEventState.Skipped, outcome.Reason, ct).ConfigureAwait(false);
                    break;
                case ApplyOutcomeKind.RetryLater:
                    var delay = outcome.Delay ?? RetryBackoff.Compute(leased.Attempts, options.InitialRetryDelay, options.MaxRetryDelay, Random.Shared);
                    LogRetry(leased.EventId, leased.RecordKey, delay, outcome.Reason);
                    result = await store.RetryLaterAsync(leased, InstanceName, now + delay, outcome.Reason!, ct).ConfigureAwait(false);
                    break;
                case ApplyOutcomeKind.WaitForRecord:
                    LogParked(leased.EventId, leased.RecordKey, outcome.WaitingFor!, outcome.Reason);
                    result = await store.ParkAsync(
                        leased,
                        InstanceName,
                        outcome.WaitingFor!,
                        now + (outcome.Delay ?? options.ParkedRecheckInterval),
                        outcome.Reason!,
                        ct).ConfigureAwait(false);
                    break;
                default:
                    LogFailed(leased.EventId, leased.RecordKey, outcome.Reason);
                    result = await store.FailAsync(leased, InstanceName, outcome.Reason ?? "Failed.", ct).ConfigureAwait(false);
                    break;
            }
        }

        if (!result.LeaseHeld)
        {
            LogLeaseLost(leased.EventId, leased.RecordKey);
        }
    }

    private async Task ReleaseQuietlyAsync(InboxEvent leased)
    {
        try
        {
            await ReleaseAsync(leased).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, CancellationToken.None) || ex is OperationCanceledException)
        {
            LogStoreFailure(ex, "return " + leased.EventId + " to the inbox (its lease will expire instead)");
        }
    }

    private async Task ReleaseAsync(InboxEvent leased)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), timeProvider);
        await store.ReleaseAsync(leased, InstanceName, timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Failures of the database or its connection, which pass; not bugs, not our own cancellation.</summary>
    private static bool IsStoreFailure(Exception ex, CancellationToken stoppingToken) =>
        !stoppingToken.IsCancellationRequested
        && ex is DbException or TimeoutException or IOException or InvalidOperationException;

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox worker {Instance} started, {Parallelism} records at a time")]
    private partial void LogStarted(string instance, int parallelism);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox worker {Instance} stopped; {Released} leased events returned to the inbox")]
    private partial void LogStopped(string instance, int released);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} finished events older than {Retention}")]
    private partial void LogPurged(int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox unavailable: could not {Action}")]
    private partial void LogStoreFailure(Exception exception, string action);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying event {EventId} of {RecordKey} threw; it will be retried")]
    private partial void LogApplyThrew(Exception exception, string eventId, string recordKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} of {RecordKey} retries in {Delay}: {Reason}")]
    private partial void LogRetry(string eventId, string recordKey, TimeSpan delay, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} of {RecordKey} parked until {WaitingFor} arrives: {Reason}")]
    private partial void LogParked(string eventId, string recordKey, string waitingFor, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventId} of {RecordKey} failed and is in the error queue: {Reason}")]
    private partial void LogFailed(string eventId, string recordKey, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease on event {EventId} of {RecordKey} was lost to another instance before its outcome was recorded")]
    private partial void LogLeaseLost(string eventId, string recordKey);
}
