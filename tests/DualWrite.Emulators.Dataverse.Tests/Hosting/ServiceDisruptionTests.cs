using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;

namespace DualWrite.Emulators.Dataverse.Tests.Hosting;

public sealed class ServiceDisruptionTests
{
    [Fact]
    public async Task A_storm_answers_429_with_retry_after_until_it_ends()
    {
        await using var emulator = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions { Seed = DataverseSeedOptions.None });
        using var client = await emulator.CreateAuthenticatedClientAsync();
        using var admin = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var started = await admin.PostAsJsonAsync("_emulator/throttling/storm", new { seconds = 1.5, retryAfterSeconds = 2 });
        using var during = await client.GetAsync("accounts");
        await Task.Delay(TimeSpan.FromSeconds(1.7));
        using var after = await client.GetAsync("accounts");

        Assert.Equal(HttpStatusCode.NoContent, started.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, during.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), during.Headers.RetryAfter!.Delta);
        Assert.Contains("0x80072322", await during.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task An_outage_answers_503_runs_nothing_and_ends_early_on_zero_or_reset()
    {
        await using var emulator = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions { Seed = DataverseSeedOptions.None });
        using var client = await emulator.CreateAuthenticatedClientAsync();
        using var admin = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var started = await admin.PostAsJsonAsync("_emulator/faults/outage", new { seconds = 60 });
        using var refused = await client.PostAsync("accounts", JsonContent.Create(new { name = "During the outage" }));
        using var ended = await admin.PostAsJsonAsync("_emulator/faults/outage", new { seconds = 0 });
        using var read = await client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("accounts?$select=name") is { } page ? new StringContent(page.ToJsonString()) : null;
        using var stormed = await admin.PostAsJsonAsync("_emulator/throttling/storm", new { seconds = 60 });
        using var reset = await admin.PostAsync("_emulator/faults/reset", null);
        using var afterReset = await client.GetAsync("accounts");
        using var bad = await admin.PostAsJsonAsync("_emulator/faults/outage", new { seconds = -1 });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.DoesNotContain("During the outage", await read!.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("$metadata")).StatusCode);
    }
}
