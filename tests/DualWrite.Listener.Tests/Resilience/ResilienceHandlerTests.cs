using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DualWrite.Listener.Resilience;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace DualWrite.Listener.Tests.Resilience;

/// <summary>The resilience handler against a real loopback server that scripts 429s, 503s, 500s and slow answers.</summary>
public sealed class ResilienceHandlerTests : IAsyncLifetime
{
    private ScriptedHttpServer server = null!;

    public async Task InitializeAsync() => server = await ScriptedHttpServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_503_with_retry_after_is_retried_after_the_time_the_server_asked_for()
    {
        server.Enqueue(new ScriptStep(503, RetryAfter: "1"));
        using var client = Client(out _);

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(server.BaseAddress, "/api/data/v9.2/accounts"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Requests);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_429_without_retry_after_backs_off_and_retries_even_a_post()
    {
        server.Enqueue(new ScriptStep(429), new ScriptStep(429));
        using var client = Client(out _);

        using var response = await client.PostAsync(new Uri(server.BaseAddress, "/data/CustomersV3"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task Server_errors_are_retried_for_repeatable_methods_but_not_for_a_post()
    {
        server.Enqueue(new ScriptStep(500), new ScriptStep(502));
        using var client = Client(out _);

        using var get = await client.GetAsync(new Uri(server.BaseAddress, "/a"));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(3, server.Requests);

        server.Enqueue(new ScriptStep(500));
        using var post = await client.PostAsync(new Uri(server.BaseAddress, "/a"), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.InternalServerError, post.StatusCode);
        Assert.Equal(4, server.Requests);
    }

    [Fact]
    public async Task A_slow_attempt_times_out_and_the_next_attempt_answers()
    {
        server.Enqueue(new ScriptStep(200, Delay: TimeSpan.FromSeconds(5)));
        using var client = Client(out _, o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        using var response = await client.PatchAsync(new Uri(server.BaseAddress, "/accounts(accountnumber='A1')"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.Requests);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), "the slow attempt was cut at its timeout");
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_maximum_is_handed_back_to_the_caller()
    {
        server.Enqueue(new ScriptStep(429, RetryAfter: "120"));
        using var client = Client(out _, o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));

        using var response = await client.GetAsync(new Uri(server.BaseAddress, "/a"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task Retries_stop_after_the_maximum_and_return_the_last_answer()
    {
        server.Otherwise = new ScriptStep(503);
        using var client = Client(out _, o => o.MaxRetryAttempts = 2);

        using var response = await client.GetAsync(new Uri(server.BaseAddress, "/a"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task A_failing_host_opens_its_own_circuit_and_other_hosts_are_unaffected()
    {
        await using var healthy = await ScriptedHttpServer.StartAsync();
        server.Otherwise = new ScriptStep(500);
        using var client = Client(out var registry, o =>
        {
            o.MaxRetryAttempts = 0;
            o.BreakerMinimumThroughput = 2;
            o.BreakerBreakDuration = TimeSpan.FromSeconds(30);
        });

        var failing = new Uri(server.BaseAddress, "/a");
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(failing);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        var reached = server.Requests;
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync(failing));
        Assert.Equal(reached, server.Requests);

        using var other = await client.GetAsync(new Uri(healthy.BaseAddress, "/a"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotSame(registry.For(failing), registry.For(healthy.BaseAddress));
    }

    [Fact]
    public async Task A_burst_of_429s_halves_the_host_concurrency_once_and_successes_win_it_back_gradually()
    {
        server.Enqueue(Enumerable.Range(0, 8).Select(_ => new ScriptStep(429, RetryAfter: "0", Delay: TimeSpan.FromMilliseconds(300))).ToArray());
        using var client = Client(out var registry, o => o.InitialConcurrency = 16);
        var uri = new Uri(server.BaseAddress, "/a");
        var limiter = registry.For(uri).Limiter;

        var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync(uri)));
        foreach (var response in burst)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        // One halving for the whole burst (16 -> 8), then +1/limit per success for the 8 retries.
        Assert.InRange(limiter.Limit, 8.0, 10.0);

        var before = limiter.Limit;
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync(uri);
        }

        Assert.True(limiter.Limit > before, "successes raise the limit");
        Assert.True(limiter.Limit < 16, "but only gradually (additive increase)");
    }

    [Fact]
    public async Task The_host_concurrency_limit_holds_requests_back()
    {
        server.Otherwise = new ScriptStep(200, Delay: TimeSpan.FromMilliseconds(100));
        using var client = Client(out _, o =>
        {
            o.InitialConcurrency = 3;
            o.MaxConcurrency = 3;
        });

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.GetAsync(new Uri(server.BaseAddress, "/a"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.InRange(server.MaxInFlight, 1, 3);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    private static HttpClient Client(out HostResilienceRegistry registry, Action<ResilienceOptions>? configure = null)
    {
        var options = new ResilienceOptions
        {
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RetryMaxDelay = TimeSpan.FromMilliseconds(100),
            AttemptTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        registry = new HostResilienceRegistry(Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System, NullLogger<HostResilienceRegistry>.Instance);
        return new HttpClient(new ResilienceHandler(registry) { InnerHandler = new SocketsHttpHandler() });
    }
}
