using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Latency;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.Dataverse.Throttling;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

public sealed class LatencyProfileTests
{
    [Fact]
    public async Task A_bulk_action_waits_the_fixed_cost_plus_one_cost_per_target()
    {
        await using var emulator = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions
        {
            Seed = DataverseSeedOptions.None,
            Latency = LatencyProfile.FromMilliseconds(50, 20),
        });
        using var client = await emulator.CreateAuthenticatedClientAsync();
        var targets = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            targets.Append(i == 0 ? string.Empty : ",").Append("{\"@odata.type\":\"Microsoft.Dynamics.CRM.account\",\"name\":\"Latency ").Append(i).Append("\"}");
        }

        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("accounts/Microsoft.Dynamics.CRM.CreateMultiple", new StringContent("{\"Targets\":[" + targets + "]}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(240), "50 ms + 10 × 20 ms expected, took " + watch.Elapsed);
    }

    [Fact]
    public async Task Service_protection_counts_the_latency_as_execution_time()
    {
        await using var emulator = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions
        {
            Seed = DataverseSeedOptions.None,
            Latency = LatencyProfile.FromMilliseconds(200, 0),
            ServiceProtection = new ServiceProtectionOptions { Enabled = true, MaxExecutionTime = TimeSpan.FromMilliseconds(150) },
        });
        using var client = await emulator.CreateAuthenticatedClientAsync();

        using var first = await client.GetAsync("cdm_companies");
        using var second = await client.GetAsync("cdm_companies");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
    }

    [Fact]
    public async Task The_admin_endpoint_changes_the_profile_while_running()
    {
        await using var emulator = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions { Seed = DataverseSeedOptions.None });
        using var admin = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var set = await admin.PostAsync("_emulator/latency", new StringContent("{\"perRequestMilliseconds\":30,\"perRecordMilliseconds\":1}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(TimeSpan.FromMilliseconds(30), emulator.Latency.Profile.PerRequest);
        Assert.Equal(TimeSpan.FromMilliseconds(1), emulator.Latency.Profile.PerRecord);
    }
}
