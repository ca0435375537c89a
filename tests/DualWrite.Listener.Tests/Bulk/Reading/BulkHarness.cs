using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Emulators.FinOps.Seed;
using DualWrite.Listener.Bulk.Reading;
using DualWrite.Listener.Clients.Auth;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Clients.OData;
using DualWrite.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualWrite.Listener.Tests.Bulk.Reading;

/// <summary>
/// Both emulators in process on loopback with seeded customers/accounts, our clients and transports with real
/// tokens, and the shipped maps: what the reader and reconcile tests read from and write to.
/// </summary>
public sealed class BulkHarness : IAsyncDisposable
{
    private readonly List<IDisposable> owned = [];

    private BulkHarness(FinOpsEmulator finOpsEmulator, DataverseEmulator dataverseEmulator)
    {
        FinOpsEmulator = finOpsEmulator;
        DataverseEmulator = dataverseEmulator;
        var time = TimeProvider.System;
        var tokenHttp = new HttpClient();
        var finOpsTokens = new HttpClientCredentialsTokenProvider(tokenHttp, Credentials(finOpsEmulator.BaseAddress, finOpsEmulator.Options.Clients[0].ClientId, finOpsEmulator.Options.Clients[0].ClientSecret), time);
        var dataverseTokens = new HttpClientCredentialsTokenProvider(tokenHttp, Credentials(dataverseEmulator.BaseAddress, DefaultEmulatorClient.ClientId, DefaultEmulatorClient.ClientSecret), time);
        owned.Add(finOpsTokens);
        owned.Add(dataverseTokens);
        owned.Add(tokenHttp);
        FinOpsHttp = new HttpClient(new BearerTokenHandler(finOpsTokens) { InnerHandler = new SocketsHttpHandler() });
        DataverseHttp = new HttpClient(new BearerTokenHandler(dataverseTokens) { InnerHandler = new SocketsHttpHandler() });
        owned.Add(FinOpsHttp);
        owned.Add(DataverseHttp);
        FinOps = new FinOpsClient(FinOpsHttp, finOpsEmulator.DataAddress, time);
        Dataverse = new DataverseClient(DataverseHttp, dataverseEmulator.ServiceRoot, time);
        Reader = new MapSourceReader(
            new ODataTransport(FinOpsHttp, finOpsEmulator.DataAddress, "F&O", preferInnerMessage: true, time),
            new ODataTransport(DataverseHttp, dataverseEmulator.ServiceRoot, "Dataverse", preferInnerMessage: false, time),
            NullLogger<MapSourceReader>.Instance);
        Maps = LoadMaps();
    }

    public FinOpsEmulator FinOpsEmulator { get; }

    public DataverseEmulator DataverseEmulator { get; }

    public HttpClient FinOpsHttp { get; }

    public HttpClient DataverseHttp { get; }

    public FinOpsClient FinOps { get; }

    public DataverseClient Dataverse { get; }

    public MapSourceReader Reader { get; }

    public IReadOnlyList<TableMap> Maps { get; }

    public TableMap Customers => Maps.Single(m => m.FinOps.EntitySet == "CustomersV3");

    public static async Task<BulkHarness> StartAsync(int customers = 90, int accounts = 90)
    {
        var finOps = await FinOpsEmulator.StartAsync(new FinOpsEmulatorOptions
        {
            Seed = SeedOptions.Small with { Customers = customers, Vendors = 0, Contacts = 0, Products = 0, SalesOrders = 0 },
        });
        var dataverse = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions
        {
            Seed = DataverseSeedOptions.Small with { Accounts = accounts, Contacts = 0, Products = 0 },
        });
        return new BulkHarness(finOps, dataverse);
    }

    /// <summary>Every row of a read, page by page, and the pages' sizes.</summary>
    public async Task<(List<System.Text.Json.Nodes.JsonObject> Rows, List<SourcePage> Pages)> ReadAllAsync(SourceReadRequest request)
    {
        var rows = new List<System.Text.Json.Nodes.JsonObject>();
        var pages = new List<SourcePage>();
        await foreach (var page in Reader.ReadAsync(request, CancellationToken.None))
        {
            pages.Add(page);
            rows.AddRange(page.Rows);
        }

        return (rows, pages);
    }

    public async ValueTask DisposeAsync()
    {
        await FinOpsEmulator.DisposeAsync();
        await DataverseEmulator.DisposeAsync();
        foreach (var disposable in owned)
        {
            disposable.Dispose();
        }
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
