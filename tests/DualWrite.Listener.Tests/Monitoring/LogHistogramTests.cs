using System;
using DualWrite.Listener.Monitoring;

namespace DualWrite.Listener.Tests.Monitoring;

public class LogHistogramTests
{
    [Fact]
    public void An_empty_histogram_has_no_percentiles()
    {
        Assert.Null(new LogHistogram().Percentile(0.5));
    }

    [Fact]
    public void Percentiles_are_within_ten_percent_of_the_exact_values()
    {
        var histogram = new LogHistogram();
        for (var i = 1; i <= 1000; i++)
        {
            histogram.Record(i / 1000.0); // 1 ms .. 1 s
        }

        Assert.Equal(1000, histogram.Count);
        AssertNear(0.5, histogram.Percentile(0.5));
        AssertNear(0.99, histogram.Percentile(0.99));
        AssertNear(0.01, histogram.Percentile(0.01));
    }

    [Fact]
    public void A_percentile_never_exceeds_the_largest_value_and_tiny_values_count_in_the_first_bucket()
    {
        var histogram = new LogHistogram();
        histogram.Record(0.0);
        histogram.Record(0.2);
        Assert.Equal(0.2, histogram.Percentile(1.0));
        Assert.Equal(LogHistogram.Smallest, histogram.Percentile(0.5));
    }

    [Fact]
    public void Merged_histograms_answer_as_one()
    {
        var first = new LogHistogram();
        var second = new LogHistogram();
        for (var i = 0; i < 99; i++)
        {
            first.Record(0.010);
        }

        second.Record(5.0);
        first.Add(second);
        Assert.Equal(100, first.Count);
        AssertNear(0.010, first.Percentile(0.5));
        AssertNear(0.010, first.Percentile(0.99));
        Assert.Equal(5.0, first.Percentile(1.0));
    }

    private static void AssertNear(double expected, double? actual)
    {
        Assert.NotNull(actual);
        Assert.True(Math.Abs(actual.Value - expected) <= expected * 0.1, "Expected about " + expected + ", got " + actual);
    }
}
