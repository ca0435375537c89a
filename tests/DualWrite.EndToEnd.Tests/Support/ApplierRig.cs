using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Core.Keys;
using DualWrite.Core.Maps;
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
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.Conflicts.Sqlite;
using DualWrite.Listener.Inbox.Sqlite;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.MapStates.Sqlite;
using DualWrite.Listener.StateStore.Sqlite;
using DualWrite.Listener.SyncState;
using DualWrite.Listener.SyncState.Sqlite;
using DualWrite.Listener.Syncing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualWrite.EndToEnd.Tests.Support;

/// <summary>
/// Both emulators on loopback (F&amp;O with reference data and a few customers; Dataverse with reference data
/// only), our two clients with their token providers, a SQLite state store and the applier. No listener
/// host: tests hand events to the applier themselves.
/// </summary>
internal sealed class ApplierRig : IAsyncDisposable
{
    private readonly string _directory;
    private readonly SqliteEventInbox _inbox;
    private int _controlNumber;

    private ApplierRig(FinOpsEmulator finOps, DataverseEmulator dataverse, string directory, SqliteStateDatabase database, IReadOnlyList<TableMap> maps, ApplierOptions options)
    {
        FinOpsEmulator = finOps;
        DataverseEmulator = dataverse;
        _directory = directory;
        Database = database;
        SyncState = new SqliteSyncStateStore(database);
        Conflicts = new SqliteConflictStore(database);
        _inbox = new SqliteEventInbox(database);
        MapStates = new SqliteMapStateStore(database, _inbox);
        // The standard F&O metadata, as the listener embeds it: the write-back knows which properties take no null.
        Catalog = new MapCatalog(maps, MapSource.LoadFinOpsNullability(null));
        FinOpsRequests = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        DataverseRequests = new CountingHandler { InnerHandler = new SocketsHttpHandler() };
        var tokenHttp = new HttpClient();
        var time = TimeProvider.System;
        FinOpsTokens = new HttpClientCredentialsTokenProvider(tokenHttp, Credentials(finOps.BaseAddress, finOps.Options.Clients[0].ClientId, finOps.Options.Clients[0].ClientSecret, finOps.BaseAddress), time);
        DataverseTokens = new HttpClientCredentialsTokenProvider(tokenHttp, Credentials(dataverse.BaseAddress, DefaultEmulatorClient.ClientId, DefaultEmulatorClient.ClientSecret, dataverse.BaseAddress), time);
        FinOps = new FinOpsClient(new HttpClient(new BearerTokenHandler(FinOpsTokens) { InnerHandler = FinOpsRequests }), finOps.DataAddress, time);
        Dataverse = new DataverseClient(new HttpClient(new BearerTokenHandler(DataverseTokens) { InnerHandler = DataverseRequests }), dataverse.ServiceRoot, time);
        Options = options;
        var lookups = new DataverseLookupResolver(Dataverse, new LookupIdCache(time, options.LookupCacheDuration), Catalog, options);
        Applier = new ChangeApplier(Catalog, FinOps, Dataverse, lookups, SyncState, Conflicts, MapStates, options, NullLogger<ChangeApplier>.Instance);
    }

    public FinOpsEmulator FinOpsEmulator { get; }

    public DataverseEmulator DataverseEmulator { get; }

    public SqliteStateDatabase Database { get; }

    public ISyncStateStore SyncState { get; }

    public IConflictStore Conflicts { get; }

    public IMapStateStore MapStates { get; }

    public MapCatalog Catalog { get; }

    public CountingHandler FinOpsRequests { get; }

    public CountingHandler DataverseRequests { get; }

    public HttpClientCredentialsTokenProvider FinOpsTokens { get; }

    public HttpClientCredentialsTokenProvider DataverseTokens { get; }

    public FinOpsClient FinOps { get; }

    public DataverseClient Dataverse { get; }

    public ApplierOptions Options { get; }

    public ChangeApplier Applier { get; }

    public static async Task<ApplierRig> StartAsync(Func<string, string, string>? editMaps = null, ApplierOptions? options = null, int customers = 6)
    {
        var finOps = await FinOpsEmulator.StartAsync(new FinOpsEmulatorOptions
        {
            Seed = SeedOptions.Small with { Customers = customers, Vendors = 0, Contacts = 0, Products = 0, SalesOrders = 0 },
        });
        var dataverse = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions
        {
            Seed = DataverseSeedOptions.Small with { Accounts = 0, Contacts = 0, Products = 0 },
        });
        var directory = Directory.CreateTempSubdirectory("dualwrite-e2e-").FullName;
        var database = new SqliteStateDatabase(Path.Combine(directory, "inbox.db"), TimeProvider.System);
        await database.InitializeAsync(CancellationToken.None);
        var rig = new ApplierRig(finOps, dataverse, directory, database, StandardMaps.Load(editMaps), options ?? new ApplierOptions());

        // One seeded customer in ten is a person, outside the map's filter; the companies take turns (US-001, RT-001, DE-001, US-002...).
        for (var i = 1; i <= Math.Min(customers / 3, 3); i++)
        {
            await rig.UpdateFinOpsAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-00" + i + "')", new JsonObject { ["PartyType"] = "Organization" });
        }

        return rig;
    }

    /// <summary>An inbox event for an F&amp;O record, as the worker would hand it over (control numbers increase).</summary>
    public InboxEvent EventFor(string entitySet, ChangeOperation operation, params (string Name, object Value)[] key) => EventFor(entitySet, operation, TimeProvider.System.GetUtcNow().UtcDateTime, key);

    /// <summary>An event stamped <paramref name="eventTimeUtc"/> (last-writer-wins compares it with modifiedon, which has whole seconds).</summary>
    public InboxEvent EventFor(string entitySet, ChangeOperation operation, DateTime eventTimeUtc, params (string Name, object Value)[] key)
    {
        var parts = new List<KeyValuePair<string, object>>();
        foreach (var (name, value) in key)
        {
            parts.Add(new(name, value));
        }

        var odataKey = ODataKey.Named(parts);
        var company = key.Length > 0 && key[0].Name == "dataAreaId" ? (string)key[0].Value : "usmf";
        var changeEvent = new FinOpsChangeEvent(Guid.NewGuid().ToString(), Interlocked.Increment(ref _controlNumber), eventTimeUtc, company, entitySet, operation, odataKey);
        var now = TimeProvider.System.GetUtcNow();
        return new InboxEvent
        {
            EventId = changeEvent.EventId,
            RecordKey = changeEvent.ContextRecordSubject,
            EntitySet = entitySet,
            EntityKey = odataKey.ToPredicate(),
            LegalEntity = company,
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

    public InboxEvent CustomerEvent(string account, ChangeOperation operation = ChangeOperation.Update, string company = "usmf") =>
        EventFor("CustomersV3", operation, ("dataAreaId", company), ("CustomerAccount", account));

    /// <summary>An update event of a customer stamped seconds ago (or ahead, with a positive shift), to order it against a Dataverse edit.</summary>
    public InboxEvent ShiftedCustomerEvent(string account, int seconds) =>
        EventFor("CustomersV3", ChangeOperation.Update, TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(seconds), ("dataAreaId", "usmf"), ("CustomerAccount", account));

    /// <summary>PATCH an F&amp;O record directly (as a user in F&amp;O would change it).</summary>
    public async Task UpdateFinOpsAsync(string entityPath, JsonObject changes)
    {
        var result = await FinOps.UpdateAsync(entityPath, changes, CancellationToken.None);
        Assert.True(result.Succeeded, result.ToString());
    }

    /// <summary>The Dataverse account of an F&amp;O customer, read through the Web API (null when absent).</summary>
    public async Task<JsonObject?> AccountAsync(string account, string company = "USMF")
    {
        var companyId = await Dataverse.FindIdAsync("cdm_companies(cdm_companycode='" + company + "')", "cdm_company", CancellationToken.None);
        var result = await Dataverse.RetrieveAsync("accounts(_msdyn_company_value=" + companyId.Value + ",accountnumber='" + account + "')", null, CancellationToken.None);
        Assert.True(result.Succeeded, result.ToString());
        return result.Value;
    }

    /// <summary>A PATCH to Dataverse that bypasses our plug-in (tagged), standing in for a concurrent Dataverse edit.</summary>
    public async Task UpdateDataverseAsync(string entityPath, JsonObject changes)
    {
        using var http = await DataverseEmulator.CreateAuthenticatedClientAsync();
        using var content = new StringContent(changes.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PatchAsync(DataverseClient.WithTag(entityPath, DataverseClient.IntegrationTag), content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await FinOpsEmulator.DisposeAsync();
        await DataverseEmulator.DisposeAsync();
        FinOpsTokens.Dispose();
        DataverseTokens.Dispose();
        _inbox.Dispose();
        Database.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold the file; the OS temp cleaner gets it.
        }
    }

    private static ClientCredentialsOptions Credentials(Uri baseAddress, string clientId, string secret, Uri resource) => new()
    {
        Authority = new Uri(baseAddress, "emulator"),
        ClientId = clientId,
        ClientSecret = secret,
        Scope = resource.AbsoluteUri + ".default",
    };
}
