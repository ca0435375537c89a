using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Linq;
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
    private ApplyProgress progress = null!;
    private LeaseKeeper keeper = null!;

    /// <summary>The smallest batch a map's ready events are split into to keep several slots busy.</summary>
    private const int MinimumSplitShare = 16;

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
        LogStarted(InstanceName, options.MaxDegreeOfParallelism, options.ApplyBatchSize);
        progress = new ApplyProgress(timeProvider, options.ProgressLogInterval);
        using var leases = new LeaseKeeper(store, InstanceName, options.LeaseDuration, timeProvider);
        keeper = leases;
        var renewing = Task.Run(() => RenewLeasesAsync(stoppingToken), CancellationToken.None);
        var running = new List<Task>();
        var ready = new List<InboxEvent>();
        var parallelism = options.MaxDegreeOfParallelism;
        var batching = options.ApplyBatchSize > 1;
        var gatherUntil = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Reset first: whatever notifies from here on is seen by the wait below.
                signal.Reset();
                running.RemoveAll(task => task.IsCompleted);
                await PurgeWhenDueAsync(stoppingToken).ConfigureAwait(false);
                ReportProgressWhenDue();

                // Claim when the local queue is empty: one claim (a serialised transaction) then feeds several
                // completions. Twice the parallelism one at a time; with batching, two full batches, so a burst
                // is claimed in pieces a bulk write can take.
                var claimedSome = false;
                var gathering = batching && running.Count > 0 && timeProvider.GetUtcNow() < gatherUntil;
                if (ready.Count == 0 && running.Count < parallelism && !gathering)
                {
                    try
                    {
                        var claimSize = batching ? 2 * options.ApplyBatchSize : (2 * parallelism) - running.Count;
                        var claimed = await store.ClaimAsync(InstanceName, claimSize, options.LeaseDuration, stoppingToken).ConfigureAwait(false);
                        keeper.Track(claimed);
                        ready.AddRange(claimed);
                        claimedSome = claimed.Count > 0;

                        // A claim that did not fill up means events are arriving as we go: let the next ones gather.
                        gatherUntil = claimed.Count < claimSize ? timeProvider.GetUtcNow() + options.BatchGatherTime : DateTimeOffset.MinValue;
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
                    var work = await TakeWorkAsync(ready, parallelism - running.Count).ConfigureAwait(false);
                    if (work.Count == 1)
                    {
                        var leased = work[0];
                        running.Add(Task.Run(() => ProcessAsync(leased, stoppingToken), CancellationToken.None));
                    }
                    else if (work.Count > 1)
                    {
                        running.Add(Task.Run(() => ProcessBatchAsync(work, stoppingToken), CancellationToken.None));
                    }
                }

                if (claimedSome && ready.Count == 0 && running.Count < parallelism)
                {
                    continue; // Slots are still free and there may be more; the next claim says.
                }

                var untilGathered = gathering ? gatherUntil - timeProvider.GetUtcNow() : (TimeSpan?)null;
                await WaitForWorkAsync(ready.Count == 0 && running.Count < parallelism, untilGathered, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        // Running applies saw the cancellation; each returns its own event, and this catches any left over.
        await Task.WhenAll(running).ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
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

    /// <summary>
    /// The next unit of work from the local queue: the events of the first event's map, up to a batch, when at least
    /// <see cref="ProcessingOptions.MinimumBatchSize"/> are ready; otherwise that event alone. Queued events are renewed
    /// with the running ones; one whose lease was lost meanwhile is dropped (empty result when nothing is left). The map's
    /// ready events are shared among the free slots, so a burst is written by several bulk calls at once.
    /// </summary>
    private async Task<IReadOnlyList<InboxEvent>> TakeWorkAsync(List<InboxEvent> ready, int freeSlots)
    {
        for (var i = ready.Count - 1; i >= 0; i--)
        {
            if (keeper.IsLost(ready[i]))
            {
                // Taken over (or expired while the store was unreachable): another instance applies it, not this one.
                var lost = ready[i];
                ready.RemoveAt(i);
                LogLeaseLostBeforeApply(lost.EventId, lost.RecordKey);
                await ReleaseQuietlyAsync(lost).ConfigureAwait(false);
            }
        }

        if (ready.Count == 0)
        {
            return [];
        }

        var first = ready[0];
        if (options.ApplyBatchSize > 1)
        {
            var ofMap = ready.Count(e => string.Equals(e.EntitySet, first.EntitySet, StringComparison.Ordinal));
            var share = (ofMap + Math.Max(freeSlots, 1) - 1) / Math.Max(freeSlots, 1);

            // Split among free slots only into pieces worth a bulk call: every batch pays its own reads, write and commits.
            var size = Math.Min(options.ApplyBatchSize, Math.Max(Math.Max(options.MinimumBatchSize, share), Math.Min(ofMap, MinimumSplitShare)));
            var sameMap = new List<InboxEvent>();
            foreach (var candidate in ready)
            {
                if (string.Equals(candidate.EntitySet, first.EntitySet, StringComparison.Ordinal))
                {
                    sameMap.Add(candidate);
                    if (sameMap.Count == size)
                    {
                        break;
                    }
                }
            }

            if (sameMap.Count >= options.MinimumBatchSize)
            {
                var taken = new HashSet<InboxEvent>(sameMap, ReferenceEqualityComparer.Instance);
                ready.RemoveAll(taken.Contains);
                return sameMap;
            }
        }

        ready.RemoveAt(0);
        return [first];
    }

    private async Task ProcessBatchAsync(IReadOnlyList<InboxEvent> batch, CancellationToken stoppingToken)
    {
        try
        {
            var outcomes = await ApplyBatchAsync(batch, stoppingToken).ConfigureAwait(false);
            if (outcomes is null)
            {
                foreach (var leased in batch)
                {
                    await ReleaseQuietlyAsync(leased).ConfigureAwait(false);
                }

                return;
            }

            LogBatchApplied(batch.Count, batch[0].EntitySet);
            await RecordBatchAsync(batch, outcomes).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStoreFailure(ex, CancellationToken.None) || ex is OperationCanceledException)
        {
            // The leases expire and the events are claimed again: at least once, never lost.
            LogStoreFailure(ex, "record the outcomes of a batch of " + batch.Count + " events");
        }
        finally
        {
            foreach (var leased in batch)
            {
                keeper.Forget(leased);
            }

            signal.Notify();
        }
    }

    /// <summary>One outcome per event; null when shutdown interrupted the batch or a lease was lost (the events go back).</summary>
    private async Task<IReadOnlyList<ApplyOutcome>?> ApplyBatchAsync(IReadOnlyList<InboxEvent> batch, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(options.ApplyTimeout, timeProvider);
        using var linked = LinkApplyTokens(batch, stoppingToken, timeout.Token);
        ApplyOutcome Everyone(string reason) => ApplyOutcome.RetryLater(reason);
        try
        {
            var outcomes = await applier.ApplyBatchAsync(batch, linked.Token).ConfigureAwait(false);
            if (outcomes.Count == batch.Count)
            {
                return outcomes;
            }

            LogBatchMiscounted(batch.Count, outcomes.Count);
            return Enumerable.Repeat(Everyone("The applier answered a batch of " + batch.Count + " events with " + outcomes.Count + " outcomes."), batch.Count).ToList();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException) when (!timeout.IsCancellationRequested && batch.Any(keeper.IsLost))
        {
            LogLeaseLostDuringApply(batch.Count, batch[0].RecordKey);
            return null;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return Enumerable.Repeat(Everyone("The batch did not finish within " + options.ApplyTimeout + "."), batch.Count).ToList();
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogBatchThrew(ex, batch.Count, batch[0].EntitySet);
            return Enumerable.Repeat(Everyone("The applier threw " + ex.GetType().Name + ": " + ex.Message), batch.Count).ToList();
        }
    }

    /// <summary>Applied and Skipped events are completed together in one transaction; the rest one by one, as alone.</summary>
    private async Task RecordBatchAsync(IReadOnlyList<InboxEvent> batch, IReadOnlyList<ApplyOutcome> outcomes)
    {
        var completions = new List<InboxCompletion>();
        for (var i = 0; i < batch.Count; i++)
        {
            var outcome = outcomes[i];
            if (keeper.IsLost(batch[i]))
            {
                // Another instance holds the record now and applies it again: this outcome is not ours to record.
                LogLeaseLost(batch[i].EventId, batch[i].RecordKey);
            }
            else if (outcome.Kind == ApplyOutcomeKind.Applied)
            {
                completions.Add(new InboxCompletion(batch[i], InboxEventState.Applied, null));
            }
            else if (outcome.Kind == ApplyOutcomeKind.Skipped)
            {
                completions.Add(new InboxCompletion(batch[i], InboxEventState.Skipped, outcome.Reason));
            }
            else
            {
                await RecordAsync(batch[i], outcome).ConfigureAwait(false);
            }
        }

        if (completions.Count == 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), timeProvider);
        var results = await store.CompleteManyAsync(completions, InstanceName, timeout.Token).ConfigureAwait(false);
        for (var i = 0; i < completions.Count; i++)
        {
            var completion = completions[i];
            progress.Count(completion.State == InboxEventState.Applied ? ApplyOutcomeKind.Applied : ApplyOutcomeKind.Skipped);
            LogRecorded(completion.Event.EventId, completion.Event.RecordKey, completion.State.ToString());
            if (!results[i].LeaseHeld)
            {
                LogLeaseLost(completion.Event.EventId, completion.Event.RecordKey);
            }
        }
    }

    private void ReportProgressWhenDue()
    {
        if (progress.TakeReport() is { } report)
        {
            LogProgress(report.Applied, report.Skipped, report.Retried, report.Parked, report.Failed, report.Elapsed.TotalSeconds, report.PerSecond);
        }
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

    /// <param name="untilGathered">Set while arriving events gather: the wait ends then at the latest, signal or not.</param>
    private async Task WaitForWorkAsync(bool canTakeMore, TimeSpan? untilGathered, CancellationToken stoppingToken)
    {
        if (untilGathered is { } gatherWait)
        {
            // No claim before the gathering ends; a signal (a batch finished) only lets the loop look again.
            if (gatherWait > TimeSpan.Zero)
            {
                await signal.WaitAsync(gatherWait, timeProvider, stoppingToken).ConfigureAwait(false);
            }

            return;
        }

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

            if (keeper.IsLost(leased))
            {
                // Another instance holds the record now and applies it again: this outcome is not ours to record.
                LogLeaseLost(leased.EventId, leased.RecordKey);
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
            keeper.Forget(leased);
            signal.Notify();
        }
    }

    /// <summary>The applier's outcome; null when shutdown interrupted it or its lease was lost (the event goes back).</summary>
    private async Task<ApplyOutcome?> ApplyAsync(InboxEvent leased, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(options.ApplyTimeout, timeProvider);
        using var linked = LinkApplyTokens([leased], stoppingToken, timeout.Token);
        try
        {
            return await applier.ApplyAsync(leased, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException) when (!timeout.IsCancellationRequested && keeper.IsLost(leased))
        {
            LogLeaseLostDuringApply(1, leased.RecordKey);
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

        progress.Count(gaveUp ? ApplyOutcomeKind.Failed : outcome.Kind);
        LogRecorded(leased.EventId, leased.RecordKey, gaveUp ? ApplyOutcomeKind.Failed.ToString() : outcome.Kind.ToString());
        if (!result.LeaseHeld)
        {
            LogLeaseLost(leased.EventId, leased.RecordKey);
        }
    }

    /// <summary>An apply stops on shutdown, on its timeout, or as soon as the lease on one of its events is lost.</summary>
    private CancellationTokenSource LinkApplyTokens(IReadOnlyList<InboxEvent> events, CancellationToken stoppingToken, CancellationToken timeout)
    {
        var tokens = new List<CancellationToken>(events.Count + 2) { stoppingToken, timeout };
        tokens.AddRange(keeper.LostTokens(events));
        return CancellationTokenSource.CreateLinkedTokenSource(tokens.ToArray());
    }

    /// <summary>
    /// The heartbeat: renews the leases of every event this worker holds, every <see cref="ProcessingOptions.LeaseRenewalInterval"/>
    /// (a third of the lease by default), so a slow apply keeps its record and a taken-over one stops.
    /// </summary>
    private async Task RenewLeasesAsync(CancellationToken stoppingToken)
    {
        var interval = options.LeaseRenewalInterval ?? options.LeaseDuration / 3;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, timeProvider, stoppingToken).ConfigureAwait(false);
                var lost = await keeper.RenewAsync(stoppingToken).ConfigureAwait(false);
                if (lost > 0)
                {
                    LogLeasesLost(lost);
                    signal.Notify();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (IsStoreFailure(ex, stoppingToken))
            {
                LogStoreFailure(ex, "renew the leases of the events being applied (they run until their leases expire)");
            }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox worker {Instance} started, {Parallelism} records or batches at a time, batches of up to {BatchSize} events")]
    private partial void LogStarted(string instance, int parallelism, int batchSize);

    [LoggerMessage(Level = LogLevel.Information, Message = "Events in the last {Seconds:0.#} s: {Applied} applied, {Skipped} skipped, {Retried} to retry, {Parked} parked, {Failed} failed ({PerSecond:0.#}/s)")]
    private partial void LogProgress(long applied, long skipped, long retried, long parked, long failed, double seconds, double perSecond);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied a batch of {Count} events of {EntitySet}")]
    private partial void LogBatchApplied(int count, string entitySet);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} of {RecordKey}: {Outcome}")]
    private partial void LogRecorded(string eventId, string recordKey, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying a batch of {Count} events of {EntitySet} threw; they will be retried")]
    private partial void LogBatchThrew(Exception exception, int count, string entitySet);

    [LoggerMessage(Level = LogLevel.Error, Message = "The applier answered a batch of {Count} events with {Outcomes} outcomes; the batch will be retried")]
    private partial void LogBatchMiscounted(int count, int outcomes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox worker {Instance} stopped; {Released} leased events returned to the inbox")]
    private partial void LogStopped(string instance, int released);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} finished events older than {Retention}")]
    private partial void LogPurged(int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox unavailable: could not {Action}")]
    private partial void LogStoreFailure(Exception exception, string action);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying event {EventId} of {RecordKey} threw; it will be retried")]
    private partial void LogApplyThrew(Exception exception, string eventId, string recordKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} of {RecordKey} retries in {Delay}: {Reason}")]
    private partial void LogRetry(string eventId, string recordKey, TimeSpan delay, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} of {RecordKey} parked until {WaitingFor} arrives: {Reason}")]
    private partial void LogParked(string eventId, string recordKey, string waitingFor, string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventId} of {RecordKey} failed and is in the error queue: {Reason}")]
    private partial void LogFailed(string eventId, string recordKey, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} leases were lost (taken over by another instance, or expired while the inbox was unreachable); their applies stop and record nothing")]
    private partial void LogLeasesLost(int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Apply of {Count} event(s) starting with {RecordKey} abandoned: a lease was lost, another instance applies them")]
    private partial void LogLeaseLostDuringApply(int count, string recordKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} of {RecordKey} lost its lease while queued; not applied here")]
    private partial void LogLeaseLostBeforeApply(string eventId, string recordKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease on event {EventId} of {RecordKey} was lost to another instance before its outcome was recorded")]
    private partial void LogLeaseLost(string eventId, string recordKey);
}
