using System;

namespace DualWrite.Listener.Processing;

/// <summary>What the worker recorded over <paramref name="Elapsed"/>, by outcome.</summary>
public sealed record ApplyProgressReport(long Applied, long Skipped, long Retried, long Parked, long Failed, TimeSpan Elapsed)
{
    public long Total => Applied + Skipped + Retried + Parked + Failed;

    public double PerSecond => Elapsed > TimeSpan.Zero ? Total / Elapsed.TotalSeconds : 0;
}
