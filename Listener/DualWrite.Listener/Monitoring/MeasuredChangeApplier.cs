using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Processing;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Monitoring;

/// <summary>
/// Wraps the applier the worker calls and reports each outcome to <see cref="SyncMetrics"/>: applied (with the
/// apply's duration and the end-to-end lag), failed (also when the worker gives up after MaxAttempts), retried,
/// and each batch's size. Measuring here keeps the worker and the applier free of metric code.
/// </summary>
public sealed class MeasuredChangeApplier : IChangeApplier
{
    private readonly IChangeApplier inner;
    private readonly SyncMetrics metrics;
    private readonly IOptions<ProcessingOptions> processing;
    private readonly TimeProvider timeProvider;

    public MeasuredChangeApplier(IChangeApplier inner, SyncMetrics metrics, IOptions<ProcessingOptions> processing, TimeProvider timeProvider)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
        this.metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        this.processing = processing ?? throw new ArgumentNullException(nameof(processing));
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>The applier being measured.</summary>
    public IChangeApplier Inner => inner;

    public async Task<ApplyOutcome> ApplyAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outcome = await inner.ApplyAsync(inboxEvent, cancellationToken).ConfigureAwait(false);
            Report(inboxEvent, outcome, Stopwatch.GetElapsedTime(started));
            return outcome;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The worker retries an applier that threw.
            metrics.Retry(metrics.MapOf(inboxEvent.EntitySet));
            throw;
        }
    }

    public async Task<IReadOnlyList<ApplyOutcome>> ApplyBatchAsync(IReadOnlyList<InboxEvent> inboxEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvents);
        if (inboxEvents.Count == 0)
        {
            return [];
        }

        var map = metrics.MapOf(inboxEvents[0].EntitySet);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var outcomes = await inner.ApplyBatchAsync(inboxEvents, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.Batch(map, inboxEvents.Count);
            for (var i = 0; i < inboxEvents.Count && i < outcomes.Count; i++)
            {
                Report(inboxEvents[i], outcomes[i], elapsed);
            }

            return outcomes;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            foreach (var inboxEvent in inboxEvents)
            {
                metrics.Retry(metrics.MapOf(inboxEvent.EntitySet));
            }

            throw;
        }
    }

    private void Report(InboxEvent inboxEvent, ApplyOutcome outcome, TimeSpan elapsed)
    {
        var map = metrics.MapOf(inboxEvent.EntitySet);
        var lag = timeProvider.GetUtcNow() - inboxEvent.EventTime;
        switch (outcome.Kind)
        {
            case ApplyOutcomeKind.Applied:
                metrics.Applied(map, elapsed, lag);
                break;
            case ApplyOutcomeKind.Skipped:
                metrics.Lag(map, lag);
                break;
            case ApplyOutcomeKind.Failed:
                metrics.Failed(map);
                break;
            case ApplyOutcomeKind.RetryLater or ApplyOutcomeKind.WaitForRecord when GivesUp(inboxEvent):
                metrics.Failed(map);
                break;
            case ApplyOutcomeKind.RetryLater:
                metrics.Retry(map);
                break;
            default:
                // Parked until a record arrives or the map resumes: neither done nor failed yet.
                break;
        }
    }

    // The worker's rule: a transient outcome at the last allowed attempt sends the event to the error queue.
    private bool GivesUp(InboxEvent inboxEvent)
    {
        var maxAttempts = processing.Value.MaxAttempts;
        return maxAttempts > 0 && inboxEvent.Attempts >= maxAttempts;
    }
}
