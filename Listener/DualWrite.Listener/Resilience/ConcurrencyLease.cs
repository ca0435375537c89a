using System;
using System.Threading;

namespace DualWrite.Listener.Resilience;

/// <summary>One slot of an <see cref="AdaptiveConcurrencyLimiter"/>; report the outcome, then dispose.</summary>
public sealed class ConcurrencyLease : IDisposable
{
    private AdaptiveConcurrencyLimiter? limiter;

    internal ConcurrencyLease(AdaptiveConcurrencyLimiter limiter, long epoch)
    {
        this.limiter = limiter;
        Epoch = epoch;
    }

    public ConcurrencyOutcome Outcome { get; set; } = ConcurrencyOutcome.Neutral;

    internal long Epoch { get; }

    public void Dispose() => Interlocked.Exchange(ref limiter, null)?.Release(Epoch, Outcome);
}
