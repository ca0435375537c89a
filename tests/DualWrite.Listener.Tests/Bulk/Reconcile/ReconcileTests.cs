using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Bulk.Lookups;
using DualWrite.Listener.Bulk.Reading;
using DualWrite.Listener.Bulk.Reconcile;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Tests.Bulk.Reading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualWrite.Listener.Tests.Bulk.Reconcile;

/// <summary>
/// Reconcile against both emulators: first a fix brings the seeded sides into agreement, then seeded differences
/// (a record missing on each side, changed fields) are found, reported and fixed, and a second run agrees.
/// </summary>
public sealed class ReconcileTests : IAsyncLifetime
{
    private BulkHarness harness = null!;
    private string reportPath = null!;

    public async Task InitializeAsync()
    {
        harness = await BulkHarness.StartAsync(customers: 60, accounts: 0);
        reportPath = Path.Combine(Path.GetTempPath(), "reconcile-" + Guid.NewGuid().ToString("N") + ".csv");
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        File.Delete(reportPath);
    }

    [Fact]
    public async Task Finds_seeded_differences_reports_them_all_and_fix_brings_agreement()
    {
        var reconciler = Reconciler();
        var request = new ReconcileRequest(new[] { "Customers V3" }, "usmf", Fix: false, ReportPath: null);

        // Dataverse starts empty: every organization of usmf is missing there; --fix creates them all.
        var first = await reconciler.RunAsync(request, null, CancellationToken.None);
        var organizations = first.Maps.Single().FinOpsRows;
        Assert.True(organizations > 5);
        Assert.Equal(organizations, first.Maps.Single().MissingInDataverse);
        var fixedAll = await reconciler.RunAsync(request with { Fix = true }, null, CancellationToken.None);
        Assert.Equal(organizations, fixedAll.Maps.Single().Fixed);
        Assert.Equal(0, fixedAll.Unresolved);
        var agreed = await reconciler.RunAsync(request, null, CancellationToken.None);
        Assert.Equal(0, agreed.Differences);
        Assert.Equal(organizations, agreed.Maps.Single().Matched);

        // Seed: one account changed (two fields), one account deleted, one account that F&O does not have.
        var accounts = (await harness.ReadAllAsync(new SourceReadRequest(harness.Customers, SyncSide.Dataverse, "usmf", null, 1000))).Rows;
        var changed = accounts[1];
        var deleted = accounts[2];
        await SendAsync(HttpMethod.Patch, "accounts(" + Id(changed) + ")", new JsonObject { ["name"] = "Renamed in Dataverse", ["telephone1"] = "+1 555 0100" });
        await SendAsync(HttpMethod.Delete, "accounts(" + Id(deleted) + ")", null);
        var companyId = accounts[0]["_msdyn_company_value"]!.GetValue<string>();
        await SendAsync(HttpMethod.Post, "accounts", new JsonObject
        {
            ["accountnumber"] = "ZZ-ONLY-IN-DATAVERSE",
            ["name"] = "Only here",
            ["customertypecode"] = 3,
            ["msdyn_company@odata.bind"] = "/cdm_companies(" + companyId + ")",
        });

        var found = await reconciler.RunAsync(request with { ReportPath = reportPath }, null, CancellationToken.None);
        var result = found.Maps.Single();
        Assert.Equal(1, result.MissingInDataverse);
        Assert.Equal(1, result.MissingInFinOps);
        Assert.Equal(1, result.RecordsDiffering);
        Assert.Equal(2, result.FieldDifferences);
        var name = result.FirstDifferences.Single(d => d.Field == "OrganizationName");
        Assert.Equal("Renamed in Dataverse", name.DataverseValue);
        Assert.Equal("CustomerAccount=" + changed["accountnumber"]!.GetValue<string>(), name.Key);
        Assert.Contains(result.FirstDifferences, d => d.Kind == ReconcileDifferenceKind.MissingInDataverse && d.Key == "CustomerAccount=" + deleted["accountnumber"]!.GetValue<string>());
        Assert.Contains(result.FirstDifferences, d => d.Kind == ReconcileDifferenceKind.MissingInFinOps && d.Key == "CustomerAccount=ZZ-ONLY-IN-DATAVERSE");
        var lines = await File.ReadAllLinesAsync(reportPath);
        Assert.Equal(1 + 4, lines.Length); // header, two missing, two fields
        Assert.Contains(lines, l => l.Contains("Renamed in Dataverse", StringComparison.Ordinal));

        // --fix pushes F&O's values; the record only Dataverse has is reported, not deleted.
        var fixedRun = await reconciler.RunAsync(request with { Fix = true }, null, CancellationToken.None);
        Assert.Equal(2, fixedRun.Maps.Single().Fixed);
        Assert.Equal(1, fixedRun.Unresolved);
        var after = await reconciler.RunAsync(request, null, CancellationToken.None);
        Assert.Equal(0, after.Maps.Single().MissingInDataverse);
        Assert.Equal(0, after.Maps.Single().RecordsDiffering);
        Assert.Equal(1, after.Maps.Single().MissingInFinOps);
    }

    [Fact]
    public async Task Dataverse_master_pushes_Dataverse_values_to_FinOps()
    {
        var reconciler = Reconciler();
        var request = new ReconcileRequest(new[] { "CustomersV3" }, "usrt", Fix: true, ReportPath: null);
        await reconciler.RunAsync(request, null, CancellationToken.None);
        var accounts = (await harness.ReadAllAsync(new SourceReadRequest(harness.Customers, SyncSide.Dataverse, "usrt", null, 1000))).Rows;
        await SendAsync(HttpMethod.Patch, "accounts(" + Id(accounts[0]) + ")", new JsonObject { ["name"] = "Dataverse knows best" });

        var dataverseMaster = Reconciler(("DualWrite:InitialSync:Master:Customers V3", "Dataverse"));
        var run = await dataverseMaster.RunAsync(request, null, CancellationToken.None);
        Assert.Equal(1, run.Maps.Single().RecordsDiffering);
        Assert.Equal(1, run.Maps.Single().Fixed);

        var again = await reconciler.RunAsync(request with { Fix = false }, null, CancellationToken.None);
        Assert.Equal(0, again.Differences);
        var finOps = await harness.FinOps.GetAsync("CustomersV3(dataAreaId='usrt',CustomerAccount='" + accounts[0]["accountnumber"]!.GetValue<string>() + "')", new[] { "OrganizationName" }, CancellationToken.None);
        Assert.Equal("Dataverse knows best", finOps.Value!["OrganizationName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fix_saves_the_synced_values_and_a_removing_run_deletes_only_synced_records_FinOps_no_longer_has()
    {
        using var directory = new DualWrite.Listener.Tests.Support.TempDirectory();
        using var stores = DualWrite.Listener.Tests.Support.StateStores.Sqlite(Path.Combine(directory.Path, "state.db"), TimeProvider.System);
        await stores.Database.InitializeAsync(CancellationToken.None);
        var remover = new DeletedRecordRemover(stores.SyncState, harness.FinOps, harness.Dataverse, new ApplierOptions());
        var reconciler = Reconciler(stores.SyncState, remover);
        var request = new ReconcileRequest(new[] { "Customers V3" }, "usmf", Fix: true, ReportPath: null);

        var fixedAll = await reconciler.RunAsync(request, null, CancellationToken.None);
        var accounts = (await harness.ReadAllAsync(new SourceReadRequest(harness.Customers, SyncSide.Dataverse, "usmf", null, 1000))).Rows;
        Assert.Equal(accounts.Count, fixedAll.Maps.Single().Fixed);
        var gone = accounts[3]["accountnumber"]!.GetValue<string>();
        var goneKey = "CustomersV3(dataAreaId='usmf',CustomerAccount='" + gone + "')";
        var synced = await stores.SyncState.GetSyncedRecordAsync(goneKey, CancellationToken.None);
        Assert.NotNull(synced);
        Assert.Equal(accounts[3]["name"]!.GetValue<string>(), SyncedValues.Read(synced.FieldsJson)["name"].Value);

        // While the listener was down: F&O deleted a synced customer; someone created an account only in Dataverse.
        Assert.True((await harness.FinOps.DeleteAsync(goneKey, CancellationToken.None)).Succeeded);
        var companyId = accounts[0]["_msdyn_company_value"]!.GetValue<string>();
        await SendAsync(HttpMethod.Post, "accounts", new JsonObject
        {
            ["accountnumber"] = "ZZ-NEVER-SYNCED",
            ["name"] = "Only here",
            ["customertypecode"] = 3,
            ["msdyn_company@odata.bind"] = "/cdm_companies(" + companyId + ")",
        });

        var plainFix = await reconciler.RunAsync(request, null, CancellationToken.None);
        Assert.Equal(0, plainFix.Maps.Single().Removed);
        Assert.Equal(2, plainFix.Maps.Single().MissingInFinOps);

        var removing = await reconciler.RunAsync(request with { RemoveDeleted = true }, null, CancellationToken.None);
        Assert.Equal(1, removing.Maps.Single().Removed);
        Assert.Equal(1, removing.Unresolved);
        var after = await reconciler.RunAsync(request with { Fix = false }, null, CancellationToken.None);
        var missing = Assert.Single(after.Maps.Single().FirstDifferences);
        Assert.Equal("CustomerAccount=ZZ-NEVER-SYNCED", missing.Key);
        Assert.Empty(SyncedValues.Read((await stores.SyncState.GetSyncedRecordAsync(goneKey, CancellationToken.None))!.FieldsJson));
    }

    [Fact]
    public async Task An_unknown_map_is_a_configuration_problem()
    {
        await Assert.ThrowsAsync<ReconcileConfigurationException>(() => Reconciler().RunAsync(new ReconcileRequest(new[] { "Nope" }, null, false, null), null, CancellationToken.None));
    }

    private Reconciler Reconciler(params (string Key, string Value)[] settings) => Reconciler(null, null, settings);

    private Reconciler Reconciler(DualWrite.Listener.SyncState.ISyncStateStore? syncState, DeletedRecordRemover? remover, params (string Key, string Value)[] settings)
    {
        var time = TimeProvider.System;
        var options = new BulkWriterOptions();
        var writer = new BulkWriter(
            new DataverseBulkChannel(harness.Dataverse, options.BatchSize),
            new TargetPacer(options, null, time),
            new FinOpsBulkChannel(harness.FinOps, options.FinOpsBatchSize),
            new TargetPacer(options, null, time),
            NullLogger<BulkWriter>.Instance);
        var lookups = new BulkLookupResolver(harness.Dataverse, new LookupIdCache(time, TimeSpan.FromMinutes(5)), NullLogger<BulkLookupResolver>.Instance);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new System.Collections.Generic.KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        return new Reconciler(new MapCatalog(harness.Maps), harness.Reader, lookups, writer, harness.FinOps, harness.Dataverse, configuration, NullLogger<Reconciler>.Instance, syncState, remover);
    }

    private static string Id(JsonObject account) => account["accountid"]!.GetValue<string>();

    /// <summary>Changes Dataverse past our plug-in, as a user or another integration would.</summary>
    private async Task SendAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var http = await harness.DataverseEmulator.CreateAuthenticatedClientAsync();
        using var request = new HttpRequestMessage(method, new Uri(harness.DataverseEmulator.ServiceRoot, DataverseClient.WithTag(path, DataverseClient.IntegrationTag)));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, method + " " + path + ": " + await response.Content.ReadAsStringAsync());
    }
}
