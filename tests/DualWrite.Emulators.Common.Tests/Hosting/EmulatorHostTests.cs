using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Common.Hosting;
using DualWrite.Emulators.Common.Tests.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Emulators.Common.Tests.Hosting;

public sealed class EmulatorHostTests
{
    [Fact]
    public async Task A_host_on_loopback_issues_tokens_and_logs_every_request()
    {
        var client = new TestClient(DefaultEmulatorClient.ClientId, DefaultEmulatorClient.ClientSecret);
        var builder = EmulatorHost.CreateBuilder("test", port: 0, logToConsole: false, TimeProvider.System, [client], requestLogCapacity: 10);
        await using var app = builder.Build();
        EmulatorHost.UseShared(app, requireScope: false);
        var baseAddress = await LoopbackWebHost.StartAsync(app);
        using var http = new HttpClient();

        using var response = await http.PostAsync(
            TokenEndpoint.AddressFor(baseAddress, DefaultEmulatorClient.Tenant),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = DefaultEmulatorClient.ClientId,
                ["client_secret"] = DefaultEmulatorClient.ClientSecret,
            }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("127.0.0.1", baseAddress.Host);
        Assert.Single(app.Services.GetRequiredService<RequestLog>().Entries);
    }
}
