using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Auth;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Common.Hosting;
using DualWrite.Emulators.Common.Latency;
using DualWrite.Emulators.FinOps.Admin;
using DualWrite.Emulators.FinOps.Auth;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.BulkChanges;
using DualWrite.Emulators.FinOps.Faults;
using DualWrite.Emulators.FinOps.OData;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Seed;
using DualWrite.Emulators.FinOps.Store;
using DualWrite.Emulators.FinOps.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DualWrite.Emulators.FinOps.Hosting;

/// <summary>
/// A running F&amp;O emulator on 127.0.0.1: start it, talk to <see cref="BaseAddress"/> over HTTP, steer it
/// through <see cref="Control"/>, dispose it. Everything lives in this process and goes with it.
/// </summary>
/// <example>
/// <code>
/// await using var finOps = await FinOpsEmulator.StartAsync(new FinOpsEmulatorOptions { Seed = SeedOptions.Small });
/// using var http = await finOps.CreateAuthenticatedClientAsync();   // BaseAddress = http://127.0.0.1:port/data/
/// var json = await http.GetStringAsync("CustomersV3?$top=5");
/// finOps.Control.Faults.FailNextWrites(1, 503);
/// </code>
/// </example>
public sealed class FinOpsEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _eventHttp;
    private bool _disposed;

    private FinOpsEmulator(WebApplication app, HttpClient eventHttp, Uri baseAddress, FinOpsEmulatorControl control, FinOpsSeedReport seed, FinOpsEmulatorOptions options)
    {
        _app = app;
        _eventHttp = eventHttp;
        BaseAddress = baseAddress;
        Control = control;
        SeedReport = seed;
        Options = options;
    }

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The OData service root: <c>http://127.0.0.1:&lt;port&gt;/data/</c>.</summary>
    public Uri DataAddress => new(BaseAddress, "data/");

    public FinOpsEmulatorControl Control { get; }

    /// <summary>What the seed loaded and how long it took.</summary>
    public FinOpsSeedReport SeedReport { get; }

    public FinOpsEmulatorOptions Options { get; }

    /// <summary>Seeds the store, then starts Kestrel on 127.0.0.1. Throws <see cref="ArgumentException"/> listing every bad option.</summary>
    public static async Task<FinOpsEmulator> StartAsync(FinOpsEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FinOpsEmulatorOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The F&O emulator options are not valid: " + string.Join(" ", problems), nameof(options));
        }

        var time = options.TimeProvider;
        var store = new FinOpsStore(FinOpsSchema.Standard);
        var seed = SeedLoader.Load(store, options.Seed, time);

        var builder = EmulatorHost.CreateBuilder(typeof(FinOpsEmulator).Assembly.GetName().Name, options.Port, options.LogToConsole, time, options.Clients, options.RequestLogCapacity);
        var eventHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) });
        var services = builder.Services;
        services.AddSingleton(store);
        services.AddSingleton(new WriteValidator(store.Schema, ReferenceRules.Standard));
        services.AddSingleton(sp => new BusinessEventPublisher(
            eventHttp, options.Events, time, sp.GetRequiredService<ILogger<BusinessEventPublisher>>(), options.SharedTablesCompany));
        services.AddSingleton<IChangePublisher>(sp => sp.GetRequiredService<BusinessEventPublisher>());
        services.AddSingleton(sp => new ODataService(
            store, sp.GetRequiredService<WriteValidator>(), sp.GetRequiredService<IChangePublisher>(), options.KeyAccessNeedsCrossCompany));
        services.AddSingleton<FaultInjector>();
        services.AddSingleton(new LatencySimulator(options.Latency, time));
        services.AddSingleton(sp => new BulkChanger(store, sp.GetRequiredService<IChangePublisher>(), time));
        services.AddSingleton<Throttle>();
        services.AddSingleton<FinOpsEmulatorControl>(sp => new FinOpsEmulatorControl(
            sp.GetRequiredService<FaultInjector>(),
            sp.GetRequiredService<Throttle>(),
            sp.GetRequiredService<BusinessEventPublisher>(),
            sp.GetRequiredService<RequestLog>(),
            store,
            sp.GetRequiredService<LatencySimulator>(),
            sp.GetRequiredService<BulkChanger>()));

        var app = builder.Build();

        // One pipeline for every request: logging first (with the token endpoint), then (for /data) auth, throttling and faults.
        var admin = EmulatorHost.UseShared(app, requireScope: true);
        app.Map("/data", data =>
        {
            // Mounted under /data, so every request reaching the middleware needs a token (the default ProtectedPath).
            data.UseMiddleware<BearerAuthenticationMiddleware>(new BearerAuthenticationOptions { RejectAsync = FinOpsUnauthorizedResponse.WriteAsync });
            data.UseMiddleware<ThrottlingMiddleware>();
            data.UseMiddleware<FaultInjectionMiddleware>();
            data.Run(ODataHttpEndpoint.HandleAsync);
        });
        AdminEndpoints.Map(admin);

        var control = app.Services.GetRequiredService<FinOpsEmulatorControl>();
        foreach (var endpoint in options.EventEndpoints)
        {
            control.Events.Register(endpoint);
        }

        var baseAddress = await LoopbackWebHost.StartAsync(app, cancellationToken).ConfigureAwait(false);
        return new FinOpsEmulator(app, eventHttp, baseAddress, control, seed, options);
    }

    /// <summary>The token endpoint: <c>&lt;base&gt;/{tenant}/oauth2/v2.0/token</c>.</summary>
    public Uri TokenEndpointFor(string tenant = DefaultEmulatorClient.Tenant) => TokenEndpoint.AddressFor(BaseAddress, tenant);

    /// <summary>Gets a token with client credentials (the default client unless given).</summary>
    public async Task<string> GetTokenAsync(FinOpsClientCredential? client = null, CancellationToken cancellationToken = default)
    {
        client ??= Options.Clients[0];
        // Core's client, the one the plug-in and the listener use; a refusal throws, as HttpClient would.
        using var http = new HttpClient();
        var grant = new ClientCredentialsGrant(TokenEndpointFor(), client.ClientId, client.ClientSecret, BaseAddress + ".default");
        var answer = await ClientCredentialsTokenClient.RequestAsync(http, grant, Options.TimeProvider.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        return answer.Token?.Value ?? throw new HttpRequestException("The token endpoint refused " + grant + ": " + answer.Reason, null, (System.Net.HttpStatusCode)answer.StatusCode);
    }

    /// <summary>An <see cref="HttpClient"/> whose base address is the /data/ root and which sends a valid bearer token.</summary>
    public async Task<HttpClient> CreateAuthenticatedClientAsync(FinOpsClientCredential? client = null, CancellationToken cancellationToken = default)
    {
        var token = await GetTokenAsync(client, cancellationToken).ConfigureAwait(false);
        var http = new HttpClient { BaseAddress = DataAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Waits until the host stops (Ctrl+C on the command line).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _app.StopAsync().ConfigureAwait(false);
        await Control.Events.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _eventHttp.Dispose();
        Control.Store.Dispose();
    }
}
