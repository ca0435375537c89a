using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.Dataverse.Throttling;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Emulators.FinOps.Seed;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Bulk.Lookups;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.Clients.Auth;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.Resilience;
using DualWrite.Listener.Tests.Applying;
using DualWrite.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Tests.Bulk.Writing;

/// <summary>
/// A <see cref="BulkWriter"/> built as the host builds it (resilience, then the bearer token, on every request)
/// against the real emulators on loopback: Dataverse with reference data only, F&amp;O with a few customers.
/// </summary>
public sealed class BulkWriterRig : IAsyncDisposable
{
    private readonly List<IDisposable> owned = [];

    private BulkWriterRig(DataverseEmulator dataverseEmulator, FinOpsEmulator? finOpsEmulator, BulkWriterOptions options)
    {
        DataverseEmulator = dataverseEmulator;
        FinOpsEmulator = finOpsEmulator;
        var time = TimeProvider.System;
        Registry = new HostResilienceRegistry(
            Microsoft.Extensions.Options.Options.Create(new ResilienceOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(50), RetryMaxDelay = TimeSpan.FromMilliseconds(200), MaxRetryAttempts = 8 }),
            time,
            NullLogger<HostResilienceRegistry>.Instance);
        var tokenHttp = new HttpClient();
        owned.Add(tokenHttp);
        var dataverseTokens = new HttpClientCredentialsTokenProvider(tokenHttp, Credentials(dataverseEmulator.BaseAddress, DefaultEmulatorClient.ClientId, DefaultEmulatorClient.ClientSecret), time);
        owned.Add(dataverseTokens);
        DataverseRequests = new RequestLog { InnerHandler = new SocketsHttpHandler() };
        DataverseProbe = new ConcurrencyProbe { InnerHandler = DataverseRequests };
        Dataverse = new DataverseClient(Pipeline(dataverseTokens, DataverseProbe), dataverseEmulator.ServiceRoot, time);
        FinOpsClient? finOps = null;
        if (finOpsEmulator is not null)
        {
            var finOpsTokens = new HttpClientCredentialsTokenProvider(tokenHttp, Credentials(finOpsEmulator.BaseAddress, finOpsEmulator.Options.Clients[0].ClientId, finOpsEmulator.Options.Clients[0].ClientSecret), time);
            owned.Add(finOpsTokens);
            finOps = new FinOpsClient(Pipeline(finOpsTokens, new SocketsHttpHandler()), finOpsEmulator.DataAddress, time);
        }

        FinOps = finOps ?? new FinOpsClient(new HttpClient(), new Uri("http://127.0.0.1:9/data/"), time);
        Writer = new BulkWriter(
            new DataverseBulkChannel(Dataverse, options.BatchSize),
            new TargetPacer(options, Registry.For(Dataverse.WebApiRoot), time),
            new FinOpsBulkChannel(FinOps, options.FinOpsBatchSize),
            new TargetPacer(options, Registry.For(FinOps.DataRoot), time),
            NullLogger<BulkWriter>.Instance);
        Cache = new LookupIdCache(time, TimeSpan.FromMinutes(5));
        Lookups = new BulkLookupResolver(Dataverse, Cache, NullLogger<BulkLookupResolver>.Instance);
        Maps = LoadMaps();
    }

    public DataverseEmulator DataverseEmulator { get; }

    public FinOpsEmulator? FinOpsEmulator { get; }

    public HostResilienceRegistry Registry { get; }

    public DataverseClient Dataverse { get; }

    public FinOpsClient FinOps { get; }

    public RequestLog DataverseRequests { get; }

    public ConcurrencyProbe DataverseProbe { get; }

    public BulkWriter Writer { get; }

    public LookupIdCache Cache { get; }

    public BulkLookupResolver Lookups { get; }

    public IReadOnlyList<TableMap> Maps { get; }

    public TableMap Customers => Maps.Single(map => map.FinOps.EntitySet == "CustomersV3");

    public static async Task<BulkWriterRig> StartAsync(BulkWriterOptions? options = null, ServiceProtectionOptions? serviceProtection = null, bool withFinOps = false)
    {
        var dataverse = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions
        {
            Seed = DataverseSeedOptions.Small with { Accounts = 0, Contacts = 0, Products = 0 },
            ServiceProtection = serviceProtection ?? new ServiceProtectionOptions(),
        });
        var finOps = withFinOps
            ? await FinOpsEmulator.StartAsync(new FinOpsEmulatorOptions { Seed = SeedOptions.Small with { Customers = 5, Vendors = 0, Contacts = 0, Products = 0, SalesOrders = 0 } })
            : null;
        return new BulkWriterRig(dataverse, finOps, options ?? new BulkWriterOptions());
    }

    /// <summary>The Dataverse id of company <paramref name="code"/>.</summary>
    public async Task<Guid> CompanyIdAsync(string code) =>
        (await Dataverse.FindIdAsync("cdm_companies(cdm_companycode='" + code + "')", "cdm_company", CancellationToken.None)).GetValueOrThrow()
        ?? throw new InvalidOperationException("No company " + code);

    /// <summary>Accounts of company <paramref name="code"/> whose number starts with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<JsonObject>> AccountsAsync(Guid companyId, string prefix) =>
        (await Dataverse.QueryAllAsync("accounts", new ODataQuery
        {
            Filter = "_msdyn_company_value eq " + companyId + " and startswith(accountnumber,'" + prefix + "')",
            Select = ["accountid", "accountnumber", "name"],
        })).GetValueOrThrow();

    /// <summary>An account item for upsert by (company, number).</summary>
    public static BulkItem Account(Guid companyId, string number, string name) => new(
        "CustomersV3(dataAreaId='usmf',CustomerAccount='" + number + "')",
        "usmf/" + number,
        "accounts(_msdyn_company_value=" + companyId + ",accountnumber='" + number + "')",
        new JsonObject { ["name"] = name, ["customertypecode"] = 3 });

    public async ValueTask DisposeAsync()
    {
        await DataverseEmulator.DisposeAsync();
        if (FinOpsEmulator is not null)
        {
            await FinOpsEmulator.DisposeAsync();
        }

        foreach (var disposable in owned)
        {
            disposable.Dispose();
        }
    }

    private HttpClient Pipeline(IAccessTokenProvider tokens, HttpMessageHandler inner)
    {
        var http = new HttpClient(new ResilienceHandler(Registry) { InnerHandler = new BearerTokenHandler(tokens) { InnerHandler = inner } }) { Timeout = Timeout.InfiniteTimeSpan };
        owned.Add(http);
        return http;
    }

    private static List<TableMap> LoadMaps()
    {
        var maps = new List<TableMap>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Maps, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var loaded = MapLoader.Load(File.ReadAllText(file), Path.GetFileName(file));
            Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
            maps.Add(loaded.Map!);
        }

        return maps;
    }

    private static ClientCredentialsOptions Credentials(Uri baseAddress, string clientId, string secret) => new()
    {
        Authority = new Uri(baseAddress, "emulator"),
        ClientId = clientId,
        ClientSecret = secret,
        Scope = baseAddress.AbsoluteUri + ".default",
    };
}
