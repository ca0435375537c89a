using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Auth;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Common.Hosting;
using DualWrite.Emulators.Common.Latency;
using DualWrite.Emulators.Dataverse.Auth;
using DualWrite.Emulators.Dataverse.Builder;
using DualWrite.Emulators.Dataverse.Schema;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.Dataverse.Solution;
using DualWrite.Emulators.Dataverse.Throttling;
using DualWrite.Emulators.Dataverse.WebApi;
using DualWrite.Emulators.Dataverse.WebApi.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DualWrite.Emulators.Dataverse.Hosting;

/// <summary>
/// The Dataverse Web API emulator: an ASP.NET Core app on 127.0.0.1 over an in-memory engine whose tables come
/// from the CSDL, with the solution's plug-in steps registered. One middleware pipeline: request log, bearer
/// authentication, service protection, then the Web API. All state is in this process.
/// <code>
/// await using var dv = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions { SolutionFolder = "solution", ... });
/// using var http = await dv.CreateAuthenticatedClientAsync();   // BaseAddress = dv.ServiceRoot
/// var response = await http.GetAsync("accounts?$top=5");
/// </code>
/// </summary>
public sealed class DataverseEmulator : IAsyncDisposable
{
    // Enough for a long end-to-end run; older requests are dropped.
    private const int RequestLogCapacity = 10_000;

    private readonly WebApplication _app;

    private DataverseEmulator(WebApplication app, Uri baseAddress, InMemoryDataverse engine, ServiceProtection protection, LatencySimulator latency, RequestLog log, DataverseEmulatorOptions options, DataverseSeedReport seed, ServiceDisruption disruption)
    {
        Disruption = disruption;
        Latency = latency;
        _app = app;
        BaseAddress = baseAddress;
        Engine = engine;
        ServiceProtection = protection;
        RequestLog = log;
        Options = options;
        SeedReport = seed;
    }

    /// <summary>http://127.0.0.1:&lt;port&gt;/</summary>
    public Uri BaseAddress { get; }

    /// <summary>http://127.0.0.1:&lt;port&gt;/api/data/v9.2/</summary>
    public Uri ServiceRoot => new(BaseAddress, WebApiEndpoint.ServicePath.TrimStart('/') + "/");

    /// <summary>The engine behind the Web API, for assertions (Snapshot, Traces, SystemJobs).</summary>
    public InMemoryDataverse Engine { get; }

    /// <summary>Service protection limits, changeable while running (Options, Reset).</summary>
    public ServiceProtection ServiceProtection { get; }

    /// <summary>Injected 429 storms and outages (off unless started: <c>/_emulator/throttling/storm</c>, <c>/_emulator/faults/outage</c>).</summary>
    public ServiceDisruption Disruption { get; }

    /// <summary>The latency profile, changeable while running (Profile).</summary>
    public LatencySimulator Latency { get; }

    public RequestLog RequestLog { get; }

    public DataverseEmulatorOptions Options { get; }

    public DataverseSeedReport SeedReport { get; }

    public static async Task<DataverseEmulator> StartAsync(DataverseEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DataverseEmulatorOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The Dataverse emulator options are not usable:" + Environment.NewLine + string.Join(Environment.NewLine, problems), nameof(options));
        }

        var time = options.TimeProvider;
        var schema = options.MetadataPath is null
            ? CsdlSchemaReader.ReadDefault()
            : CsdlSchemaReader.Read(options.MetadataPath, options.ChoicesPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.MetadataPath))!, "dataverse-choices.json"));
        var builder = schema.ApplyTo(new InMemoryDataverseBuilder().WithTimeProvider(time));
        if (options.SolutionFolder is not null)
        {
            foreach (var step in SolutionStepLoader.Load(options.SolutionFolder, options.Steps))
            {
                builder.AddStep(step);
            }
        }

        foreach (var step in options.AdditionalSteps)
        {
            builder.AddStep(step);
        }

        var engine = builder.Build();
        var seedStarted = time.GetTimestamp();
        var seeded = engine.SeedMany(new DataverseSeedGenerator(options.Seed).Records());
        var seedReport = new DataverseSeedReport(seeded, time.GetElapsedTime(seedStarted));

        var web = EmulatorHost.CreateBuilder(typeof(DataverseEmulator).Assembly.GetName().Name, options.Port, options.LogToConsole, time, options.Clients, RequestLogCapacity);
        var protection = new ServiceProtection(options.ServiceProtection, time);
        var model = new ServiceModel(engine.Metadata, schema);
        var latency = new LatencySimulator(options.Latency, time);
        web.Services.AddSingleton(protection);
        var disruption = new ServiceDisruption(time);
        web.Services.AddSingleton(disruption);
        web.Services.AddSingleton(latency);
        web.Services.AddSingleton(new WebApiRequestHandler(engine, model));
        web.Services.AddSingleton<WebApiEndpoint>();
        var app = web.Build();

        // Scope stays optional: the documented curl examples request a token without one.
        var admin = EmulatorHost.UseShared(app, requireScope: false);
        ServiceDisruptionEndpoints.Map(admin, disruption);
        app.UseMiddleware<BearerAuthenticationMiddleware>(new BearerAuthenticationOptions
        {
            ProtectedPath = WebApiEndpoint.ServicePath,
            RequireToken = options.RequireAuthentication,
            RejectAsync = DataverseUnauthorizedResponse.WriteAsync,
        });
        app.UseMiddleware<ServiceDisruptionMiddleware>();
        app.UseMiddleware<ServiceProtectionMiddleware>();
        var endpoint = app.Services.GetRequiredService<WebApiEndpoint>();
        app.Map(WebApiEndpoint.ServicePath + "/{**path}", (RequestDelegate)endpoint.HandleAsync);
        app.Map(WebApiEndpoint.ServicePath, (RequestDelegate)endpoint.HandleAsync);
        var baseAddress = await LoopbackWebHost.StartAsync(app, cancellationToken).ConfigureAwait(false);
        return new DataverseEmulator(app, baseAddress, engine, protection, latency, app.Services.GetRequiredService<RequestLog>(), options, seedReport, disruption);
    }

    /// <summary>&lt;base&gt;/{tenant}/oauth2/v2.0/token</summary>
    public Uri TokenEndpointFor(string tenant = DefaultEmulatorClient.Tenant) => TokenEndpoint.AddressFor(BaseAddress, tenant);

    /// <summary>A token from the emulator's own token endpoint (client credentials).</summary>
    public async Task<string> GetTokenAsync(DataverseClientCredential? client = null, CancellationToken cancellationToken = default)
    {
        client ??= Options.Clients.FirstOrDefault() ?? new DataverseClientCredential(DefaultEmulatorClient.ClientId, DefaultEmulatorClient.ClientSecret);
        // Core's client, the one the plug-in and the listener use; a refusal throws, as HttpClient would.
        using var http = new HttpClient();
        var grant = new ClientCredentialsGrant(TokenEndpointFor(), client.ClientId, client.ClientSecret, BaseAddress.AbsoluteUri + ".default");
        var answer = await ClientCredentialsTokenClient.RequestAsync(http, grant, Options.TimeProvider.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        return answer.Token?.Value ?? throw new HttpRequestException("The token endpoint refused " + grant + ": " + answer.Reason, null, (System.Net.HttpStatusCode)answer.StatusCode);
    }

    /// <summary>An HttpClient with BaseAddress = <see cref="ServiceRoot"/>, a bearer token and the OData headers.</summary>
    public async Task<HttpClient> CreateAuthenticatedClientAsync(DataverseClientCredential? client = null, CancellationToken cancellationToken = default)
    {
        var token = await GetTokenAsync(client, cancellationToken).ConfigureAwait(false);
        var http = new HttpClient { BaseAddress = ServiceRoot };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
        http.DefaultRequestHeaders.Add("OData-Version", "4.0");
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Engine.Dispose();
    }
}
