using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DualWrite.Emulators.FinOps.Tests.Support;

namespace DualWrite.Emulators.FinOps.Tests.Faults;

public sealed class FaultInjectionTests : IAsyncLifetime
{
    private const string Group = """{"CustomerGroupId":"G{0}","Description":"Fault test"}""";

    private EmulatorHarness _harness = null!;

    private HttpClient Http => _harness.Http;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_next_writes_fail_with_the_given_status_and_change_nothing_then_writes_work_again()
    {
        _harness.Control.Faults.FailNextWrites(2, 503);

        using var first = await Http.PostAsync("CustomerGroups", HttpJson.Body(Group.Replace("{0}", "1", StringComparison.Ordinal)));
        using var second = await Http.PatchAsync("CustomerGroups(dataAreaId='usmf',CustomerGroupId='10')", HttpJson.Body("""{"Description":"x"}"""));
        using var read = await Http.GetAsync("CustomerGroups(dataAreaId='usmf',CustomerGroupId='10')");
        using var third = await Http.PostAsync("CustomerGroups", HttpJson.Body(Group.Replace("{0}", "1", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Contains("Injected failure", await HttpJson.ErrorMessageAsync(first), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
    }

    [Fact]
    public async Task Throttled_requests_get_429_with_retry_after_seconds()
    {
        _harness.Control.Throttle.ThrottleNext(1, TimeSpan.FromSeconds(7));

        using var throttled = await Http.GetAsync("Currencies");
        using var next = await Http.GetAsync("Currencies");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_request_limit_per_window_throttles_the_requests_over_it()
    {
        _harness.Control.Throttle.SetLimit(3, TimeSpan.FromMinutes(5));

        var statuses = new HttpStatusCode[5];
        for (var i = 0; i < statuses.Length; i++)
        {
            using var response = await Http.GetAsync("Currencies");
            statuses[i] = response.StatusCode;
        }

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests }, statuses);
    }

    [Fact]
    public async Task Requests_over_the_concurrency_limit_are_throttled_while_the_others_run()
    {
        _harness.Control.Throttle.SetConcurrencyLimit(1);
        _harness.Control.Faults.Latency = TimeSpan.FromSeconds(1);

        var responses = await Task.WhenAll(Http.GetAsync("Currencies"), Http.GetAsync("Currencies"));
        var statuses = responses.Select(r => r.StatusCode).Order().ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }, statuses);
    }

    [Fact]
    public async Task A_dropped_connection_gives_the_client_no_response_at_all()
    {
        _harness.Control.Faults.DropNextRequests(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => Http.GetAsync("Currencies"));
        using var after = await Http.GetAsync("Currencies");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Added_latency_delays_data_requests()
    {
        _harness.Control.Faults.Latency = TimeSpan.FromMilliseconds(300);
        var watch = Stopwatch.StartNew();

        using var response = await Http.GetAsync("Currencies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), "Took " + watch.Elapsed);
    }

    [Fact]
    public async Task The_admin_endpoint_sets_faults_and_throttling_and_reset_clears_them()
    {
        using var admin = new HttpClient { BaseAddress = _harness.Emulator.BaseAddress };

        using var set = await admin.PostAsync("_emulator/faults/fail-writes", HttpJson.Body("""{"count":1,"status":500,"message":"Down for maintenance"}"""));
        using var failed = await Http.PostAsync("CustomerGroups", HttpJson.Body(Group.Replace("{0}", "2", StringComparison.Ordinal)));
        using var throttle = await admin.PostAsync("_emulator/throttling/next", HttpJson.Body("""{"count":5,"retryAfterSeconds":2}"""));
        using var reset = await admin.PostAsync("_emulator/reset", null);
        using var ok = await Http.GetAsync("Currencies");
        var requests = await HttpJson.GetAsync(admin, "_emulator/requests");

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("Down for maintenance", await HttpJson.ErrorMessageAsync(failed));
        Assert.Equal(HttpStatusCode.NoContent, throttle.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains(requests.EnumerateArray(), r => r.GetProperty("target").GetString() == "/data/Currencies" && r.GetProperty("statusCode").GetInt32() == 200);
    }

    [Fact]
    public async Task Faults_leave_the_admin_and_token_endpoints_reachable()
    {
        _harness.Control.Throttle.ThrottleNext(100, TimeSpan.FromSeconds(1));
        using var admin = new HttpClient { BaseAddress = _harness.Emulator.BaseAddress };

        var status = await HttpJson.GetAsync(admin, "_emulator/status");
        var token = await _harness.Emulator.GetTokenAsync();

        Assert.Equal(300, status.GetProperty("entitySets").GetProperty("CustomersV3").GetInt32());
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Contains(_harness.Control.Requests, r => r.Target.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));
        Assert.DoesNotContain(_harness.Control.Requests.Where(r => r.Target.StartsWith("/_emulator", StringComparison.Ordinal)), r => r.StatusCode == 429);
    }
}
