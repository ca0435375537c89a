using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Clients.Auth;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Xrm.Sdk;

namespace DualWrite.EndToEnd.Tests.Clients;

/// <summary>
/// The listener's Dataverse client, with its resilience handler, against the Dataverse emulator whose plug-in
/// refuses with 429, 502 or 504: throttling and gateway failures are retried, and what is left is transient.
/// </summary>
public sealed class PluginStatusClassificationTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<PluginHttpStatusCode>> scripts = new(StringComparer.Ordinal);
    private DataverseEmulator emulator = null!;
    private CountingHandler requests = null!;
    private DataverseClient client = null!;

    public async Task InitializeAsync()
    {
        var options = new DataverseEmulatorOptions { Seed = DataverseSeedOptions.Small with { Accounts = 0, Contacts = 0, Products = 0 } };
        options.AdditionalSteps.Add(new StepRegistration
        {
            PluginFactory = (_, _) => new ScriptedRefusalPlugin(scripts, "currencyname"),
            Name = "scripted refusal",
            Message = "Create",
            Table = "transactioncurrency",
            Stage = PipelineStage.PreOperation,
        });
        emulator = await DataverseEmulator.StartAsync(options);
        var tokens = new HttpClientCredentialsTokenProvider(new HttpClient(), new ClientCredentialsOptions
        {
            Authority = new Uri(emulator.BaseAddress, "emulator"),
            ClientId = DefaultEmulatorClient.ClientId,
            ClientSecret = DefaultEmulatorClient.ClientSecret,
            Scope = emulator.BaseAddress + ".default",
        }, TimeProvider.System);
        var resilience = new ResilienceOptions
        {
            MaxRetryAttempts = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RetryMaxDelay = TimeSpan.FromMilliseconds(100),
        };
        var registry = new HostResilienceRegistry(Microsoft.Extensions.Options.Options.Create(resilience), TimeProvider.System, NullLogger<HostResilienceRegistry>.Instance);
        requests = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        var http = new HttpClient(new ResilienceHandler(registry) { InnerHandler = new BearerTokenHandler(tokens) { InnerHandler = requests } });
        client = new DataverseClient(http, emulator.ServiceRoot, TimeProvider.System);
    }

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    [Theory]
    [InlineData(PluginHttpStatusCode.TooManyRequests)]
    [InlineData(PluginHttpStatusCode.BadGateway)]
    [InlineData(PluginHttpStatusCode.GatewayTimeout)]
    public async Task A_plugin_refusal_with_a_throttling_or_gateway_status_is_retried_and_the_upsert_then_succeeds(PluginHttpStatusCode status)
    {
        var code = "X" + ((int)status % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        var name = "Retried " + (int)status;
        Script(name, status, status);

        var result = await client.UpsertAsync($"transactioncurrencies(isocurrencycode='{code}')", Currency(name), UpsertMode.CreateOrUpdate, DataverseClient.IntegrationTag, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(3, requests.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal)));
        Assert.Empty(scripts[name]);
    }

    [Theory]
    [InlineData(PluginHttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests)]
    [InlineData(PluginHttpStatusCode.BadGateway, HttpStatusCode.BadGateway)]
    [InlineData(PluginHttpStatusCode.GatewayTimeout, HttpStatusCode.GatewayTimeout)]
    public async Task A_plugin_that_keeps_refusing_with_a_throttling_or_gateway_status_leaves_a_transient_error_the_applier_retries_later(PluginHttpStatusCode status, HttpStatusCode expected)
    {
        var name = "Always " + (int)status;
        Script(name, Enumerable.Repeat(status, 10).ToArray());

        var result = await client.UpsertAsync("transactioncurrencies(isocurrencycode='XAL')", Currency(name), UpsertMode.CreateOrUpdate, DataverseClient.IntegrationTag, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error!.StatusCode);
        Assert.True(result.Error.IsTransient, result.Error.ToString());
        Assert.Contains("F&O answered " + (int)status, result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(ApplyOutcomeKind.RetryLater, ErrorOutcomes.From(result.Error, "test").Kind);
        Assert.Equal(3, requests.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_plugin_refusal_without_a_status_is_a_400_that_is_neither_retried_nor_transient()
    {
        const string Name = "Refused 400";
        Script(Name, PluginHttpStatusCode.NotSet);

        var result = await client.UpsertAsync("transactioncurrencies(isocurrencycode='XBR')", Currency(Name), UpsertMode.CreateOrUpdate, DataverseClient.IntegrationTag, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, result.Error!.StatusCode);
        Assert.False(result.Error.IsTransient);
        Assert.Equal(ApplyOutcomeKind.Failed, ErrorOutcomes.From(result.Error, "test").Kind);
        Assert.Single(requests.Requests, r => r.StartsWith("PATCH", StringComparison.Ordinal));
    }

    private static JsonObject Currency(string name) => new() { ["currencyname"] = name, ["currencysymbol"] = "T", ["exchangerate"] = 1m };

    private void Script(string name, params PluginHttpStatusCode[] statuses) => scripts[name] = new ConcurrentQueue<PluginHttpStatusCode>(statuses);
}
