using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Resilience;

namespace DualWrite.Listener.Tests.Resilience;

public sealed class AdaptiveConcurrencyLimiterTests
{
    [Fact]
    public async Task A_request_waits_for_a_free_slot()
    {
        var limiter = new AdaptiveConcurrencyLimiter(2, 1, 10);
        var first = await limiter.AcquireAsync(default);
        using var second = await limiter.AcquireAsync(default);

        var third = limiter.AcquireAsync(default).AsTask();
        await Task.Delay(50);
        Assert.False(third.IsCompleted);

        first.Dispose();
        using var granted = await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, limiter.InFlight);
    }

    [Fact]
    public async Task A_cancelled_wait_gives_up_its_place()
    {
        var limiter = new AdaptiveConcurrencyLimiter(1, 1, 10);
        var held = await limiter.AcquireAsync(default);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        Assert.Equal(0, limiter.InFlight);
        using var next = await limiter.AcquireAsync(default);
        Assert.Equal(1, limiter.InFlight);
    }

    [Fact]
    public async Task Throttling_halves_to_the_floor_and_successes_add_one_over_the_limit_up_to_the_ceiling()
    {
        var limiter = new AdaptiveConcurrencyLimiter(8, 2, 9);

        for (var i = 0; i < 5; i++)
        {
            var lease = await limiter.AcquireAsync(default);
            lease.Outcome = ConcurrencyOutcome.Throttled;
            lease.Dispose();
        }

        Assert.Equal(2, limiter.Limit);

        var success = await limiter.AcquireAsync(default);
        success.Outcome = ConcurrencyOutcome.Succeeded;
        success.Dispose();
        Assert.Equal(2.5, limiter.Limit);

        for (var i = 0; i < 200; i++)
        {
            var lease = await limiter.AcquireAsync(default);
            lease.Outcome = ConcurrencyOutcome.Succeeded;
            lease.Dispose();
        }

        Assert.Equal(9, limiter.Limit);
    }

    [Fact]
    public async Task A_429_to_a_request_sent_before_the_last_halving_does_not_halve_again()
    {
        var limiter = new AdaptiveConcurrencyLimiter(16, 1, 16);
        var early = await limiter.AcquireAsync(default);
        var late = await limiter.AcquireAsync(default);

        early.Outcome = ConcurrencyOutcome.Throttled;
        early.Dispose();
        late.Outcome = ConcurrencyOutcome.Throttled;
        late.Dispose();

        Assert.Equal(8, limiter.Limit);
    }
}
