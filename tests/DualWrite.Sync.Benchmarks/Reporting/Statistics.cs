using System;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Sync.Benchmarks.Reporting;

/// <summary>Medians and percentiles of measured values (nearest rank).</summary>
public static class Statistics
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    public static double Percentile(IEnumerable<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
