using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;

namespace DualWrite.Emulators.Dataverse.Tests.Hosting;

public sealed class AdminEndpointTests
{
    [Fact]
    public async Task The_request_log_is_served_at_the_same_admin_url_as_the_finops_emulators()
    {
        await using var emulator = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions { Seed = DataverseSeedOptions.None });
        using var client = await emulator.CreateAuthenticatedClientAsync();
        using var admin = new HttpClient { BaseAddress = emulator.BaseAddress };

        using var read = await client.GetAsync("accounts");
        var log = JsonNode.Parse(await admin.GetStringAsync("_emulator/requests"))!.AsArray();

        Assert.Contains(log, e => e!["target"]!.GetValue<string>() == "/api/data/v9.2/accounts" && e["statusCode"]!.GetValue<int>() == 200);
    }
}
