using System;
using System.Threading;

namespace DualWrite.Listener.Processing;

/// <summary>
/// Counts the worker's outcomes between two summaries, so the operator reads one line every few seconds instead of
/// one per event. Thread-safe: batches and single applies record concurrently.
/// </summary>
public sealed class ApplyProgress
{
    private readonly TimeProvider timeProvider;
    private readonly TimeSpan interval;
    private readonly long[] counts = new long[Enum.GetValues<ApplyOutcomeKind>().Length];
    private readonly object gate = new();
    private DateTimeOffset since;

    public ApplyProgress(TimeProvider timeProvider, TimeSpan interval)
    {
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        this.interval = interval;
        since = timeProvider.GetUtcNow();
    }

    public void Count(ApplyOutcomeKind kind) => Interlocked.Increment(ref counts[(int)kind]);

    /// <summary>The counts since the last report once the interval has passed and something happened; null otherwise.</summary>
    public ApplyProgressReport? TakeReport()
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow();
            var elapsed = now - since;
            if (elapsed < interval)
            {
                return null;
            }

            var taken = new long[counts.Length];
            var total = 0L;
            for (var i = 0; i < counts.Length; i++)
            {
                taken[i] = Interlocked.Exchange(ref counts[i], 0);
                total += taken[i];
            }

            since = now;
            return total == 0
                ? null
                : new ApplyProgressReport(
                    taken[(int)ApplyOutcomeKind.Applied],
                    taken[(int)ApplyOutcomeKind.Skipped],
                    taken[(int)ApplyOutcomeKind.RetryLater],
                    taken[(int)ApplyOutcomeKind.WaitForRecord],
                    taken[(int)ApplyOutcomeKind.Failed],
                    elapsed);
        }
    }
}
