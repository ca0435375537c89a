using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;

namespace DualWrite.Plugins.Benchmarks;

/// <summary>Timings of one measured operation: median and 95th percentile, in microseconds.</summary>
public sealed class Samples
{
    private readonly List<double> _microseconds = [];

    public Samples(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public int Count => _microseconds.Count;

    /// <summary>Runs <paramref name="operation"/> <paramref name="warmUp"/> times unmeasured, then <paramref name="count"/> times measured.</summary>
    public static Samples Measure(string name, int warmUp, int count, Action<int> operation)
    {
        for (var i = 0; i < warmUp; i++)
        {
            operation(i);
        }

        var samples = new Samples(name);
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            operation(warmUp + i);
            samples._microseconds.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        return samples;
    }

    /// <summary>The time <paramref name="operation"/> took, in microseconds.</summary>
    public static double Time(Action operation)
    {
        var started = Stopwatch.GetTimestamp();
        operation();
        return Stopwatch.GetElapsedTime(started).TotalMicroseconds;
    }

    public void Add(double microseconds) => _microseconds.Add(microseconds);

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public double Percentile(double percent)
    {
        var sorted = new List<double>(_microseconds);
        sorted.Sort();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0,-58} median {1,9:0.0} us   p95 {2,9:0.0} us   (n={3})",
        Name,
        Median,
        P95,
        Count);
}
