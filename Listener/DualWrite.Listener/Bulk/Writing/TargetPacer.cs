using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Resilience;

namespace DualWrite.Listener.Bulk.Writing;

/// <summary>
/// Paces the batches in flight to one target with AIMD: starts at the configured initial concurrency, grows while
/// answers are fast and clean, holds when they slow down (per record, against the best seen), shrinks by a quarter
/// when Dataverse's reported budget runs low, halves on a 429 (seen by the host's resilience even when a retry hid
/// it; the retry itself waited the Retry-After), and never passes the ceiling.
/// </summary>
public sealed class TargetPacer
{
    private readonly AdaptiveConcurrencyLimiter limiter;
    private readonly LatencyTrend latency;
    private readonly HostResilience? host;
    private readonly TimeProvider timeProvider;
    private readonly int budgetRounds;

    public TargetPacer(BulkWriterOptions options, HostResilience? host, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        limiter = new AdaptiveConcurrencyLimiter(options.InitialConcurrency, 1, options.MaxConcurrency);
        latency = new LatencyTrend(options.SlowLatencyFactor);
        this.host = host;
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        budgetRounds = options.BudgetRounds;
    }

    /// <summary>The batches allowed in flight now (fractional: it grows by fractions).</summary>
    public double Limit => limiter.Limit;

    public int InFlight => limiter.InFlight;

    /// <summary>Waits for a slot; report how the batch went on the returned lease, then dispose it.</summary>
    public async ValueTask<PacedBatch> EnterAsync(CancellationToken cancellationToken)
    {
        var lease = await limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        return new PacedBatch(this, lease, host?.Throttles ?? 0, timeProvider.GetTimestamp());
    }

    internal ConcurrencyOutcome Judge(long throttlesBefore, long startedAt, int items, bool answered, bool throttled)
    {
        if (throttled || (host is not null && host.Throttles > throttlesBefore))
        {
            return ConcurrencyOutcome.Throttled;
        }

        if (!answered)
        {
            return ConcurrencyOutcome.Neutral;
        }

        var elapsed = timeProvider.GetElapsedTime(startedAt);
        var slow = latency.Add(elapsed, items);
        if (host?.LatestBudget is { } budget && budget.IsLow((int)Math.Ceiling(limiter.Limit), budgetRounds, elapsed))
        {
            return ConcurrencyOutcome.Congested;
        }

        return slow ? ConcurrencyOutcome.Neutral : ConcurrencyOutcome.Succeeded;
    }
}
