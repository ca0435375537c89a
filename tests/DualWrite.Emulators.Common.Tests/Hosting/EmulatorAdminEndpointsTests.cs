using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Hosting;
using DualWrite.Emulators.Common.Tests.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.Common.Tests.Hosting;

public sealed class EmulatorAdminEndpointsTests
{
    [Fact]
    public async Task The_host_base_serves_the_request_log_and_takes_the_emulators_own_admin_endpoints()
    {
        var builder = EmulatorHost.CreateBuilder("test", port: 0, logToConsole: false, TimeProvider.System, Array.Empty<TestClient>(), requestLogCapacity: 10);
        await using var app = builder.Build();
        var admin = EmulatorHost.UseShared(app, requireScope: false);
        admin.MapPost("/refuse", () => EmulatorAdminEndpoints.Guarded(() => throw new ArgumentOutOfRangeException("count", "count must be positive.")));
        admin.MapPost("/accept", () => EmulatorAdminEndpoints.Guarded(() => { }));
        var baseAddress = await LoopbackWebHost.StartAsync(app);
        using var http = new HttpClient { BaseAddress = baseAddress };

        using var refused = await http.PostAsync("_emulator/refuse", null);
        using var accepted = await http.PostAsync("_emulator/accept", null);
        var log = JsonDocument.Parse(await http.GetStringAsync("_emulator/requests")).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("count must be positive.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("target").GetString() == "/_emulator/refuse");
        Assert.Contains(log.EnumerateArray(), e => e.GetProperty("target").GetString() == "/_emulator/accept"
            && e.GetProperty("statusCode").GetInt32() == StatusCodes.Status204NoContent);
    }
}
