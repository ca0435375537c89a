using System.Threading.Tasks;
using DualWrite.Listener.Resilience;

namespace DualWrite.Listener.Tests.Resilience;

public sealed class CongestedOutcomeTests
{
    [Fact]
    public async Task Congestion_shrinks_the_limit_by_a_quarter_once_per_round()
    {
        var limiter = new AdaptiveConcurrencyLimiter(8, 1, 8);
        var first = await limiter.AcquireAsync(default);
        var second = await limiter.AcquireAsync(default);

        first.Outcome = ConcurrencyOutcome.Congested;
        first.Dispose();
        second.Outcome = ConcurrencyOutcome.Congested;
        second.Dispose();

        Assert.Equal(6, limiter.Limit);
        Assert.Equal(8, limiter.MaxLimit);
    }
}
