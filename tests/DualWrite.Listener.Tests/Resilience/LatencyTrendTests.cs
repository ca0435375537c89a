using System;
using DualWrite.Listener.Resilience;

namespace DualWrite.Listener.Tests.Resilience;

public sealed class LatencyTrendTests
{
    [Fact]
    public void Steady_answers_are_not_slow_and_latency_is_judged_per_unit()
    {
        var trend = new LatencyTrend(2.0);
        for (var i = 0; i < 20; i++)
        {
            Assert.False(trend.Add(TimeSpan.FromMilliseconds(100), 1000));
        }

        // Half the records in half the time: the same speed.
        Assert.False(trend.Add(TimeSpan.FromMilliseconds(50), 500));
        Assert.Equal(TimeSpan.FromMilliseconds(0.1), trend.PerUnit);
    }

    [Fact]
    public void A_sharp_rise_turns_slow_and_a_return_to_form_clears_it()
    {
        var trend = new LatencyTrend(2.0);
        for (var i = 0; i < 10; i++)
        {
            trend.Add(TimeSpan.FromMilliseconds(100), 100);
        }

        var slow = false;
        for (var i = 0; i < 10 && !slow; i++)
        {
            slow = trend.Add(TimeSpan.FromMilliseconds(500), 100);
        }

        Assert.True(slow);
        var fast = false;
        for (var i = 0; i < 20 && !fast; i++)
        {
            fast = !trend.Add(TimeSpan.FromMilliseconds(100), 100);
        }

        Assert.True(fast);
    }
}
