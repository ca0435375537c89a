using System;

namespace DualWrite.Sync.Benchmarks.Clients;

/// <summary>What a client pushed: records accepted, requests sent, 429 answers waited out, failures, and the time it took.</summary>
public sealed record PushResult(long Records, long Requests, long Throttled, long Failed, TimeSpan Elapsed, string? FirstError)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Records / Elapsed.TotalSeconds : 0;
}
