using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Alerts;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Commands;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.StateStore;
using DualWrite.Listener.Syncing;
using DualWrite.Listener.Tests.Admin;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Listener.Tests.MapStates;

/// <summary><c>dualwrite maps ...</c> end to end: on the store directly, and through the admin API of a running app.</summary>
public sealed class MapsCommandAndApiTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task The_commands_change_and_list_states_in_the_configured_store_with_exit_codes()
    {
        var (code, text) = await RunAsync("maps", "pause", "customers v3", "--reason", "nightly load");
        Assert.True(code == 0, text);
        Assert.Equal("Map 'Customers V3' is paused (pause); 0 events waiting.", text.Trim());

        (code, text) = await RunAsync("maps", "list");
        Assert.Equal(0, code);
        Assert.Matches(@"Customers V3\s+paused\s+0\s+0\s+0s\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+nightly load", text);
        Assert.StartsWith("MAP", text);

        (code, text) = await RunAsync("maps", "start", "Customers V3");
        Assert.Equal(2, code);
        Assert.Contains("resume it instead", text);

        (code, text) = await RunAsync("maps", "resume", "Nope", "--json");
        Assert.Equal(2, code);
        Assert.Equal("unknownMap", JsonDocument.Parse(text).RootElement.GetProperty("problem").GetString());

        (code, text) = await RunAsync("maps", "resume", "Customers V3", "--json");
        Assert.Equal(0, code);
        Assert.Equal("catchingUp", JsonDocument.Parse(text).RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_api_serves_the_same_operations_and_the_commands_use_it_with_url_and_key()
    {
        using var stores = StateStores.Sqlite(Path.Combine(directory.Path, "api.db"), TimeProvider.System);
        await stores.Database.InitializeAsync(CancellationToken.None);
        await using var app = await AdminTestApp.StartAsync(
            "secret-key",
            api =>
            {
                api.MapMapStateEndpoints();
                api.MapAlertEndpoints();
            },
            services =>
            {
                services.AddSingleton(TimeProvider.System);
                services.AddSingleton(stores.Database);
                services.AddSingleton(stores.MapStates);
                services.AddSingleton(stores.Inbox);
                services.AddSingleton(new MapCatalog(MapSource.Load(null)));
                services.AddSingleton(new MapBacklogReader(stores.Database));
                services.AddSingleton<MapStateNotifier>();
                services.AddSingleton<MapOperations>();
                services.AddOptions<AlertOptions>();
                services.AddSingleton<RecentAlerts>();
            });
        var url = app.BaseAddress.ToString();

        var (code, text) = await RunAsync("maps", "pause", "Customers V3", "--reason", "via api", "--url", url, "--api-key", "secret-key");
        Assert.True(code == 0, text);
        Assert.Contains("is paused", text);
        Assert.Equal(MapRunState.Paused, Assert.Single(await stores.MapStates.GetMapStatesAsync(CancellationToken.None)).State);

        (code, _) = await RunAsync("maps", "list", "--url", url, "--api-key", "wrong");
        Assert.Equal(1, code);

        app.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "secret-key");
        var map = JsonDocument.Parse(await app.Client.GetStringAsync("/api/maps/customers%20v3")).RootElement;
        Assert.Equal("paused", map.GetProperty("state").GetString());
        Assert.Equal("via api", map.GetProperty("reason").GetString());

        using var conflict = await app.Client.PostAsync("/api/maps/Customers%20V3/start", null);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType!.MediaType);

        using var unknown = await app.Client.PostAsync("/api/maps/Nope/resume", JsonContent("{\"reason\":\"x\"}"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("'Customers V3'", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());

        using var resumed = await app.Client.PostAsync("/api/maps/Customers%20V3/resume", JsonContent("{\"reason\":\"done\"}"));
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal("catchingUp", JsonDocument.Parse(await resumed.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());

        (code, text) = await RunAsync("maps", "list", "--json", "--url", url, "--api-key", "secret-key");
        Assert.Equal(0, code);
        Assert.Equal(9, JsonDocument.Parse(text).RootElement.GetArrayLength());
        Assert.Equal("[]", await app.Client.GetStringAsync("/api/alerts"));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private async Task<(int Code, string Text)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var parsed = DualWriteCommandLine.Create(output).Parse([.. args, "--DualWrite:Inbox:DataDirectory=" + directory.Path]);
        var code = await parsed.InvokeAsync(new System.CommandLine.InvocationConfiguration { Error = errors });
        return (code, output.ToString() + errors);
    }
}
