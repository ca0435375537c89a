using System;

namespace DualWrite.Listener.Monitoring;

/// <summary>
/// Counts of positive values in logarithmic buckets (each 2^(1/4) ≈ 19% wider than the last, from 100 µs to about
/// 12 days when the values are seconds), so percentiles of many samples cost a fixed, small array and histograms of
/// several time buckets merge by adding. A percentile is answered as its bucket's geometric middle: within ±10%.
/// </summary>
public sealed class LogHistogram
{
    public const double Smallest = 1e-4;

    private const int StepsPerDoubling = 4;
    private const int BucketCount = 128;

    private readonly long[] counts = new long[BucketCount];

    public long Count { get; private set; }

    public double Max { get; private set; }

    public void Record(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        counts[IndexOf(value)]++;
        Count++;
        Max = Math.Max(Max, value);
    }

    /// <summary>Adds another histogram's counts to this one.</summary>
    public void Add(LogHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < BucketCount; i++)
        {
            counts[i] += other.counts[i];
        }

        Count += other.Count;
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>The value at quantile <paramref name="q"/> (0..1; 1 is the largest value seen); null when empty. Never above the largest value.</summary>
    public double? Percentile(double q)
    {
        if (Count == 0)
        {
            return null;
        }

        if (q >= 1)
        {
            return Max;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(Math.Clamp(q, 0, 1) * Count));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return Math.Min(Middle(i), Max);
            }
        }

        return Max;
    }

    private static int IndexOf(double value)
    {
        if (value <= Smallest)
        {
            return 0;
        }

        var index = (int)Math.Floor(Math.Log2(value / Smallest) * StepsPerDoubling) + 1;
        return Math.Min(index, BucketCount - 1);
    }

    // Bucket i > 0 holds (Smallest·2^((i-1)/4), Smallest·2^(i/4)]; bucket 0 everything up to Smallest.
    private static double Middle(int index) =>
        index == 0 ? Smallest : Smallest * Math.Pow(2, (index - 0.5) / StepsPerDoubling);
}
