using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.Dataverse.Tests.Support;
using DualWrite.Emulators.Dataverse.Throttling;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

public sealed class ServiceProtectionTests
{
    [Fact]
    public async Task Limits_are_off_by_default()
    {
        await using var emulator = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions { Seed = DataverseSeedOptions.None });
        using var client = await emulator.CreateAuthenticatedClientAsync();

        for (var i = 0; i < 20; i++)
        {
            using var response = await client.GetAsync("cdm_companies");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_request_limit_answers_429_with_retry_after_and_its_code()
    {
        await using var emulator = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions { Seed = DataverseSeedOptions.None });
        emulator.ServiceProtection.Options = new ServiceProtectionOptions { Enabled = true, MaxRequests = 3, Window = TimeSpan.FromMinutes(5) };
        using var client = await emulator.CreateAuthenticatedClientAsync();

        for (var i = 0; i < 3; i++)
        {
            using var admitted = await client.GetAsync("cdm_companies");
            Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
            Assert.Equal((2 - i).ToString(System.Globalization.CultureInfo.InvariantCulture), System.Linq.Enumerable.Single(admitted.Headers.GetValues("x-ms-ratelimit-burst-remaining-xrm-requests")));
        }

        using var refused = await client.GetAsync("cdm_companies");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 300);
        Assert.Equal("0x80072322", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        emulator.ServiceProtection.Reset();
        using var afterReset = await client.GetAsync("cdm_companies");
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
    }

    [Fact]
    public async Task The_execution_time_limit_answers_429_with_its_code()
    {
        await using var emulator = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions { Seed = DataverseSeedOptions.None });
        emulator.ServiceProtection.Options = new ServiceProtectionOptions { Enabled = true, MaxExecutionTime = TimeSpan.FromTicks(1) };
        using var client = await emulator.CreateAuthenticatedClientAsync();

        using var first = await client.GetAsync("cdm_companies");
        using var second = await client.GetAsync("cdm_companies");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter);
        Assert.Equal("0x80072321", JsonNode.Parse(await second.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_concurrency_limit_refuses_at_once_while_requests_are_in_flight()
    {
        using var entered = new SemaphoreSlim(0);
        using var release = new ManualResetEventSlim(false);
        var options = new DataverseEmulatorOptions
        {
            Seed = DataverseSeedOptions.None,
            ServiceProtection = new ServiceProtectionOptions { Enabled = true, MaxConcurrentRequests = 1 },
        };
        options.AdditionalSteps.Add(TestDataverse.Step("Create", "contact", PipelineStage.PreOperation, _ =>
        {
            entered.Release();
            release.Wait(TimeSpan.FromSeconds(10));
        }));
        await using var emulator = await DataverseEmulator.StartAsync(options);
        using var client = await emulator.CreateAuthenticatedClientAsync();

        using var slowBody = new StringContent(new JsonObject { ["lastname"] = "Slow" }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        var slow = client.PostAsync("contacts", slowBody);
        Assert.True(await entered.WaitAsync(TimeSpan.FromSeconds(10)));
        using var refused = await client.GetAsync("contacts");
        release.Set();
        using var slowResponse = await slow;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("0x80072326", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, slowResponse.StatusCode);
    }
}
