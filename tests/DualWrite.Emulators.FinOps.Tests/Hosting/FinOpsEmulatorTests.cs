using System;
using System.Net;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Emulators.FinOps.Seed;
using DualWrite.Emulators.FinOps.Tests.Support;

namespace DualWrite.Emulators.FinOps.Tests.Hosting;

public sealed class FinOpsEmulatorTests
{
    [Fact]
    public async Task The_emulator_listens_on_loopback_on_a_free_port_and_serves_data_under_its_base_address()
    {
        await using var harness = await EmulatorHarness.StartAsync(SeedOptions.None);

        Assert.Equal("127.0.0.1", harness.Emulator.BaseAddress.Host);
        Assert.NotEqual(0, harness.Emulator.BaseAddress.Port);
        Assert.Equal(new Uri(harness.Emulator.BaseAddress, "data/"), harness.Emulator.DataAddress);
        using var response = await harness.Http.GetAsync("LegalEntities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_with_separate_data()
    {
        await using var first = await EmulatorHarness.StartAsync();
        await using var second = await EmulatorHarness.StartAsync();

        using var deleted = await first.Http.DeleteAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')");
        using var stillThere = await second.Http.GetAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Fact]
    public async Task Every_request_is_logged_with_its_status_and_client()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        using var response = await harness.Http.GetAsync("Currencies?$top=1");

        Assert.Contains(harness.Control.Requests, r => r.Target == "/data/Currencies?$top=1" && r.StatusCode == 200 && r.Client == DefaultEmulatorClient.ClientId);
    }

    [Fact]
    public async Task Bad_options_are_all_reported_at_once()
    {
        var options = new FinOpsEmulatorOptions { Port = 70000, RequestLogCapacity = 0 };
        options.Clients.Clear();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => FinOpsEmulator.StartAsync(options));

        Assert.Contains("Port 70000", error.Message, StringComparison.Ordinal);
        Assert.Contains("client", error.Message, StringComparison.Ordinal);
        Assert.Contains("RequestLogCapacity", error.Message, StringComparison.Ordinal);
    }
}
