using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Core.Keys;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Emulators.FinOps.Seed;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Clients.Auth;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Tests.Support;
using DualWrite.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualWrite.Listener.Tests.Applying;

/// <summary>
/// One <see cref="ChangeApplier"/> built from real parts: both emulators in process on loopback (F&amp;O with a
/// few customers, Dataverse with reference data only), our clients with their token providers, and SQLite
/// state stores. Nothing of ours is replaced, so every assertion can fail for a real reason.
/// </summary>
public sealed class ApplierHarness : IAsyncDisposable
{
    public const string Customer = "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')";

    private readonly List<IDisposable> owned = [];
    private int controlNumber;

    private ApplierHarness(FinOpsEmulator finOpsEmulator, DataverseEmulator dataverseEmulator, IReadOnlyList<TableMap> maps, ApplierOptions options)
    {
        FinOpsEmulator = finOpsEmulator;
        DataverseEmulator = dataverseEmulator;
        Stores = StateStores.InTemporarySqlite(TimeProvider.System);
        var time = TimeProvider.System;
        var tokenHttp = new HttpClient();
        var finOpsTokens = new HttpClientCredentialsTokenProvider(tokenHttp, Credentials(finOpsEmulator.BaseAddress, finOpsEmulator.Options.Clients[0].ClientId, finOpsEmulator.Options.Clients[0].ClientSecret), time);
        var dataverseTokens = new HttpClientCredentialsTokenProvider(tokenHttp, Credentials(dataverseEmulator.BaseAddress, DefaultEmulatorClient.ClientId, DefaultEmulatorClient.ClientSecret), time);
        owned.Add(finOpsTokens);
        owned.Add(dataverseTokens);
        owned.Add(tokenHttp);
        DataverseRequests = new RequestLog { InnerHandler = new SocketsHttpHandler() };
        FinOps = new FinOpsClient(new HttpClient(new BearerTokenHandler(finOpsTokens) { InnerHandler = new SocketsHttpHandler() }), finOpsEmulator.DataAddress, time);
        Dataverse = new DataverseClient(new HttpClient(new BearerTokenHandler(dataverseTokens) { InnerHandler = DataverseRequests }), dataverseEmulator.ServiceRoot, time);
        var catalog = new MapCatalog(maps);
        var lookups = new DataverseLookupResolver(Dataverse, new LookupIdCache(time, options.LookupCacheDuration), catalog, options);
        Applier = new ChangeApplier(catalog, FinOps, Dataverse, lookups, Stores.SyncState, Stores.Conflicts, Stores.MapStates, options, NullLogger<ChangeApplier>.Instance);
    }

    public FinOpsEmulator FinOpsEmulator { get; }

    public DataverseEmulator DataverseEmulator { get; }

    public StateStores Stores { get; }

    public FinOpsClient FinOps { get; }

    public DataverseClient Dataverse { get; }

    /// <summary>What the applier sent to Dataverse.</summary>
    public RequestLog DataverseRequests { get; }

    public ChangeApplier Applier { get; }

    /// <param name="editCustomersMap">Changes the standard customers-v3.json before it is loaded.</param>
    /// <param name="customers">How many customers F&amp;O is seeded with.</param>
    /// <param name="configureDataverse">Changes the Dataverse emulator's options (a refusing plug-in step, say).</param>
    public static async Task<ApplierHarness> StartAsync(Func<string, string>? editCustomersMap = null, int customers = 3, Action<DataverseEmulatorOptions>? configureDataverse = null)
    {
        var finOps = await FinOpsEmulator.StartAsync(new FinOpsEmulatorOptions
        {
            Seed = SeedOptions.Small with { Customers = customers, Vendors = 0, Contacts = 0, Products = 0, SalesOrders = 0 },
        });
        var dataverseOptions = new DataverseEmulatorOptions
        {
            Seed = DataverseSeedOptions.Small with { Accounts = 0, Contacts = 0, Products = 0 },
        };
        configureDataverse?.Invoke(dataverseOptions);
        var dataverse = await DataverseEmulator.StartAsync(dataverseOptions);
        var harness = new ApplierHarness(finOps, dataverse, LoadMaps(editCustomersMap), new ApplierOptions());
        await harness.Stores.Database.InitializeAsync(CancellationToken.None);

        // Some seeded customers are persons, outside the map's filter: make the one the tests use a company.
        await harness.UpdateFinOpsAsync(Customer, new JsonObject { ["PartyType"] = "Organization" });
        return harness;
    }

    /// <summary>An update (or other) event of customer US-001 as the worker hands it over: leased, control numbers increasing.</summary>
    public InboxEvent CustomerEvent(ChangeOperation operation = ChangeOperation.Update) =>
        EventFor("CustomersV3", operation, ("dataAreaId", "usmf"), ("CustomerAccount", "US-001"));

    /// <summary>An event of one usmf customer, as <see cref="CustomerEvent(ChangeOperation)"/> is for US-001.</summary>
    public InboxEvent CustomerEvent(string account, ChangeOperation operation = ChangeOperation.Update) =>
        EventFor("CustomersV3", operation, ("dataAreaId", "usmf"), ("CustomerAccount", account));

    /// <summary>The usmf customers, every one made an organisation (inside the map's filter), in account order.</summary>
    public async Task<IReadOnlyList<string>> UsmfCustomersAsync()
    {
        var rows = await FinOps.QueryAllAsync("CustomersV3", new DualWrite.Listener.Clients.OData.ODataQuery { Filter = "dataAreaId eq 'usmf'", Select = ["CustomerAccount", "PartyType"] });
        Assert.True(rows.Succeeded, rows.ToString());
        var accounts = new List<string>();
        foreach (var row in rows.Value!)
        {
            var account = row["CustomerAccount"]!.GetValue<string>();
            if (row["PartyType"]?.GetValue<string>() != "Organization")
            {
                await UpdateFinOpsAsync(CustomerPath(account), new JsonObject { ["PartyType"] = "Organization" });
            }

            accounts.Add(account);
        }

        accounts.Sort(StringComparer.Ordinal);
        return accounts;
    }

    public static string CustomerPath(string account) => "CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')";

    public InboxEvent EventFor(string entitySet, ChangeOperation operation, params (string Name, object Value)[] key)
    {
        var odataKey = ODataKey.Named(key.Select(part => new KeyValuePair<string, object>(part.Name, part.Value)).ToList());
        var now = TimeProvider.System.GetUtcNow();
        var changeEvent = new FinOpsChangeEvent(Guid.NewGuid().ToString(), Interlocked.Increment(ref controlNumber), now.UtcDateTime, "usmf", entitySet, operation, odataKey);
        return new InboxEvent
        {
            EventId = changeEvent.EventId,
            RecordKey = changeEvent.ContextRecordSubject,
            EntitySet = entitySet,
            EntityKey = odataKey.ToPredicate(),
            LegalEntity = "usmf",
            Operation = operation,
            ControlNumber = changeEvent.ControlNumber,
            EventTime = now,
            Body = FinOpsChangeEventJson.Write(changeEvent),
            ReceiveCount = 1,
            State = InboxEventState.Leased,
            Attempts = 1,
            NextAttemptAt = now,
            FirstReceivedAt = now,
            LastReceivedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Changes an F&amp;O record directly, as a user in F&amp;O would.</summary>
    public async Task UpdateFinOpsAsync(string entityPath, JsonObject changes)
    {
        var result = await FinOps.UpdateAsync(entityPath, changes, CancellationToken.None);
        Assert.True(result.Succeeded, result.ToString());
    }

    /// <summary>The Dataverse account of customer US-001 (null when absent).</summary>
    public Task<JsonObject?> AccountAsync() => AccountAsync("US-001");

    /// <summary>The Dataverse account of a usmf customer (null when absent).</summary>
    public async Task<JsonObject?> AccountAsync(string account)
    {
        var companyId = await Dataverse.FindIdAsync("cdm_companies(cdm_companycode='USMF')", "cdm_company", CancellationToken.None);
        var result = await Dataverse.RetrieveAsync("accounts(_msdyn_company_value=" + companyId.Value + ",accountnumber='" + account + "')", null, CancellationToken.None);
        Assert.True(result.Succeeded, result.ToString());
        return result.Value;
    }

    /// <summary>Changes the account in Dataverse past our plug-in (tagged), as a concurrent Dataverse edit.</summary>
    public Task UpdateAccountAsync(JsonObject changes) => UpdateAccountAsync("US-001", changes);

    /// <summary>Changes a usmf customer's account in Dataverse past our plug-in (tagged), as a concurrent Dataverse edit.</summary>
    public async Task UpdateAccountAsync(string accountNumber, JsonObject changes)
    {
        var account = (await AccountAsync(accountNumber))!;
        using var http = await DataverseEmulator.CreateAuthenticatedClientAsync();
        using var content = new StringContent(changes.ToJsonString(), Encoding.UTF8, "application/json");
        var path = "accounts(" + account["accountid"]!.GetValue<string>() + ")";
        using var response = await http.PatchAsync(DataverseClient.WithTag(path, DataverseClient.IntegrationTag), content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await FinOpsEmulator.DisposeAsync();
        await DataverseEmulator.DisposeAsync();
        foreach (var disposable in owned)
        {
            disposable.Dispose();
        }

        Stores.Dispose();
    }

    private static List<TableMap> LoadMaps(Func<string, string>? editCustomersMap)
    {
        var maps = new List<TableMap>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Maps, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var json = File.ReadAllText(file);
            if (editCustomersMap is not null && Path.GetFileName(file) == "customers-v3.json")
            {
                json = editCustomersMap(json);
            }

            var loaded = MapLoader.Load(json, Path.GetFileName(file));
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
