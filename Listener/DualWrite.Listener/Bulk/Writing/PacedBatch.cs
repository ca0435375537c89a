using System;
using DualWrite.Listener.Resilience;

namespace DualWrite.Listener.Bulk.Writing;

/// <summary>One batch holding a <see cref="TargetPacer"/> slot: say how it went (<see cref="Complete"/>), then dispose.</summary>
public sealed class PacedBatch : IDisposable
{
    private readonly TargetPacer pacer;
    private readonly ConcurrencyLease lease;
    private readonly long throttlesBefore;
    private readonly long startedAt;

    internal PacedBatch(TargetPacer pacer, ConcurrencyLease lease, long throttlesBefore, long startedAt)
    {
        this.pacer = pacer;
        this.lease = lease;
        this.throttlesBefore = throttlesBefore;
        this.startedAt = startedAt;
    }

    /// <param name="items">Records the batch carried (latency is judged per record).</param>
    /// <param name="answered">The target answered (not a timeout or a dropped connection).</param>
    /// <param name="throttled">The final answer was a 429.</param>
    public void Complete(int items, bool answered, bool throttled) =>
        lease.Outcome = pacer.Judge(throttlesBefore, startedAt, items, answered, throttled);

    public void Dispose() => lease.Dispose();
}
