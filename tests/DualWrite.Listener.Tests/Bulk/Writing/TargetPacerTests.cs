using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.Resilience;

namespace DualWrite.Listener.Tests.Bulk.Writing;

public sealed class TargetPacerTests
{
    private static readonly BulkWriterOptions Options = new() { InitialConcurrency = 4, MaxConcurrency = 8 };

    [Fact]
    public async Task Clean_fast_answers_grow_the_pace_up_to_the_ceiling()
    {
        var pacer = new TargetPacer(Options, Host(), TimeProvider.System);
        for (var i = 0; i < 100; i++)
        {
            using var batch = await pacer.EnterAsync(default);
            batch.Complete(100, answered: true, throttled: false);
        }

        Assert.Equal(8, pacer.Limit);
    }

    [Fact]
    public async Task A_429_seen_by_the_host_halves_the_pace_even_when_a_retry_hid_it()
    {
        var host = Host();
        var pacer = new TargetPacer(Options, host, TimeProvider.System);

        using (var batch = await pacer.EnterAsync(default))
        {
            using var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            host.Observe(throttled);
            batch.Complete(100, answered: true, throttled: false);
        }

        Assert.Equal(2, pacer.Limit);
    }

    [Fact]
    public async Task A_low_service_protection_budget_slows_down_before_the_wall()
    {
        var host = Host();
        var pacer = new TargetPacer(Options, host, TimeProvider.System);
        using var response = new HttpResponseMessage(HttpStatusCode.NoContent);
        response.Headers.TryAddWithoutValidation(ServiceProtectionBudget.RemainingRequestsHeader, "5");
        host.Observe(response);

        using (var batch = await pacer.EnterAsync(default))
        {
            batch.Complete(100, answered: true, throttled: false);
        }

        Assert.Equal(3, pacer.Limit);
    }

    private static HostResilience Host() => new("http://127.0.0.1:1", new ResilienceOptions(), TimeProvider.System);
}
