using System;

namespace DualWrite.Listener.Resilience;

/// <summary>
/// Tells a fast answer from a slow one for an adaptive limiter. Latency is measured per unit of work (per record
/// in a batch: halves of a split batch are smaller), smoothed, and compared with the best smoothed value seen,
/// which drifts up slowly so a target that became slower for good is not judged against its first minutes forever.
/// "Slow" means <see cref="SlowFactor"/> times that baseline or more: more concurrency only queues at the target.
/// </summary>
public sealed class LatencyTrend
{
    private const double Smoothing = 0.3;
    private const double BaselineDrift = 0.01;

    private readonly object gate = new();
    private double smoothed = double.NaN;
    private double baseline = double.NaN;

    public LatencyTrend(double slowFactor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slowFactor, 1.0);
        SlowFactor = slowFactor;
    }

    public double SlowFactor { get; }

    /// <summary>The smoothed latency per unit, or zero before the first sample.</summary>
    public TimeSpan PerUnit
    {
        get
        {
            lock (gate)
            {
                return double.IsNaN(smoothed) ? TimeSpan.Zero : TimeSpan.FromTicks((long)smoothed);
            }
        }
    }

    /// <summary>Adds one answer's latency for <paramref name="units"/> units of work; true when the trend is now slow.</summary>
    public bool Add(TimeSpan elapsed, int units)
    {
        var sample = elapsed.Ticks / (double)Math.Max(1, units);
        lock (gate)
        {
            smoothed = double.IsNaN(smoothed) ? sample : smoothed + (Smoothing * (sample - smoothed));
            baseline = double.IsNaN(baseline) || smoothed < baseline ? smoothed : baseline + (BaselineDrift * (smoothed - baseline));
            return smoothed >= baseline * SlowFactor;
        }
    }
}
