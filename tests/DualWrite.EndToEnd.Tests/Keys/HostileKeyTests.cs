using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Keys;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.Inbox;

namespace DualWrite.EndToEnd.Tests.Keys;

/// <summary>
/// Keys F&amp;O accepts but URLs and OData literals find hostile (quotes, slashes, percent, '#', '?', '&amp;', '+',
/// spaces, backslash, the characters Dataverse refuses in alternate-key URLs, non-ASCII letters, a surrogate
/// pair, a control character) travel end to end both ways: created, updated and deleted on one side, they
/// arrive on the other exactly once, with the listener and the plug-in over loopback HTTP.
/// </summary>
public class HostileKeyTests
{
    /// <summary>Each at most 20 characters (CustomerAccount's length in F&amp;O), distinct ignoring case.</summary>
    public static readonly string[] Keys =
    [
        "O'Neil/01",
        "A&B+C 1=2",
        "100% #1?x",
        "a\\b:c*<>",
        "%2F%25",
        "''",
        "ÜÇ-日本-ß",
        "😀-emoji",
        "tab\there",
        " lead-trail ",
        "(x),y;z@$!",
    ];

    [Fact]
    public async Task Customers_with_hostile_keys_created_updated_and_deleted_in_FinOps_arrive_in_Dataverse_once()
    {
        await using var rig = await SyncRig.StartAsync();
        foreach (var key in Keys)
        {
            var created = await rig.FinOps.CreateAsync("CustomersV3", NewCustomer(key, "Created " + key.Length), CancellationToken.None);
            Assert.True(created.Succeeded, "create " + Show(key) + ": " + created);
        }

        foreach (var key in Keys)
        {
            await Eventually.TrueAsync(async () => (await AccountsAsync(rig, key)).Count == 1, "the account " + Show(key) + " in Dataverse");
        }

        foreach (var key in Keys)
        {
            var updated = await rig.FinOps.UpdateAsync(CustomerPath(key), new JsonObject { ["OrganizationName"] = "Renamed " + key }, CancellationToken.None);
            Assert.True(updated.Succeeded, "update " + Show(key) + ": " + updated);
        }

        foreach (var key in Keys)
        {
            await Eventually.TrueAsync(async () => (await AccountsAsync(rig, key)).SingleOrDefault()?["name"]?.GetValue<string>() == "Renamed " + key, "the account " + Show(key) + " renamed in Dataverse");
        }

        foreach (var key in Keys)
        {
            var deleted = await rig.FinOps.DeleteAsync(CustomerPath(key), CancellationToken.None);
            Assert.True(deleted.Succeeded && deleted.Value, "delete " + Show(key) + ": " + deleted);
        }

        foreach (var key in Keys)
        {
            await Eventually.TrueAsync(async () => (await AccountsAsync(rig, key)).Count == 0, "the account " + Show(key) + " deleted from Dataverse");
        }

        await rig.WaitForQuietAsync();
        foreach (var key in Keys)
        {
            var events = await rig.Inbox.GetRecordEventsAsync(FinOpsRecordKey(key), CancellationToken.None);
            Assert.Equal(3, events.Count);
            Assert.All(events, e => Assert.Equal(InboxEventState.Applied, e.State));
        }
    }

    [Fact]
    public async Task Accounts_with_hostile_keys_created_updated_and_deleted_in_Dataverse_arrive_in_FinOps_once()
    {
        await using var rig = await SyncRig.StartAsync();
        await rig.WaitForQuietAsync();
        var finOpsCreatesBefore = FinOpsWrites(rig, "POST");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            ids[key] = await CreateAccountInDataverseAsync(rig, key);
            var customer = await FinOpsCustomerAsync(rig, key);
            Assert.True(customer is not null, "the customer " + Show(key) + " in F&O after the Dataverse create");
            Assert.Equal(key, customer!["CustomerAccount"]!.GetValue<string>());
            Assert.Equal("Created in Dataverse", customer["OrganizationName"]!.GetValue<string>());
        }

        await rig.WaitForQuietAsync();
        Assert.True(finOpsCreatesBefore + Keys.Length == FinOpsWrites(rig, "POST"), string.Join("\n", rig.Emulators.FinOps.Control.Requests.Where(r => r.Target.Contains("CustomersV3", StringComparison.Ordinal)).Select(r => r.Method + " " + r.Target + " " + r.StatusCode)));
        var listenerWritesBefore = ListenerWrites(rig);
        var listenerRequestsBefore = rig.ListenerToDataverse.Requests.Count;

        foreach (var key in Keys)
        {
            using var saved = await rig.SaveInDataverseAsync("accounts(" + ids[key] + ")", new JsonObject { ["name"] = "Renamed " + key });
            Assert.True(saved.StatusCode == HttpStatusCode.NoContent, "update " + Show(key) + ": " + saved.StatusCode + " " + await saved.Content.ReadAsStringAsync());
            Assert.Equal("Renamed " + key, (await FinOpsCustomerAsync(rig, key))?["OrganizationName"]?.GetValue<string>());
        }

        foreach (var key in Keys)
        {
            using var http = await rig.Emulators.Dataverse.CreateAuthenticatedClientAsync();
            using var deleted = await http.DeleteAsync("accounts(" + ids[key] + ")");
            Assert.True(deleted.StatusCode == HttpStatusCode.NoContent, "delete " + Show(key) + ": " + deleted.StatusCode + " " + await deleted.Content.ReadAsStringAsync());
            Assert.Null(await FinOpsCustomerAsync(rig, key));
        }

        // The echoes of the plug-in's writes come back as F&O events; the listener writes none of them back (a delete's
        // echo may look for the record it would delete, and finds it gone).
        await rig.WaitForQuietAsync();
        Assert.True(listenerWritesBefore == ListenerWrites(rig), string.Join("\n", rig.ListenerToDataverse.Requests.Skip(listenerRequestsBefore).Where(r => !r.Contains("dw_", StringComparison.Ordinal))));
        foreach (var key in Keys)
        {
            var events = await rig.Inbox.GetRecordEventsAsync(FinOpsRecordKey(key), CancellationToken.None);
            Assert.DoesNotContain(events, e => e.State == InboxEventState.Failed);
        }
    }

    private static JsonObject NewCustomer(string key, string name) => new()
    {
        ["dataAreaId"] = "usmf",
        ["CustomerAccount"] = key,
        ["OrganizationName"] = name,
        ["CustomerGroupId"] = "10",
        ["SalesCurrencyCode"] = "USD",
        ["PartyType"] = "Organization",
        ["LanguageId"] = "en-us",
    };

    private static string CustomerPath(string key) =>
        FinOpsKeyBuilder.Build("CustomersV3", ["dataAreaId", "CustomerAccount"], f => f == "dataAreaId" ? "usmf" : key).Path;

    /// <summary>The inbox's record key: the F&amp;O entity path as events name it (ContextRecordSubject, URL-escaped).</summary>
    private static string FinOpsRecordKey(string key) => CustomerPath(key);

    private static async Task<JsonObject?> FinOpsCustomerAsync(SyncRig rig, string key) =>
        (await rig.FinOps.GetAsync(CustomerPath(key), null, CancellationToken.None)).GetValueOrThrow();

    /// <summary>USMF accounts holding exactly this account number (a $filter, so no key URL is involved).</summary>
    private static async Task<IReadOnlyList<JsonObject>> AccountsAsync(SyncRig rig, string key)
    {
        var rows = await rig.Dataverse.QueryAllAsync("accounts", new ODataQuery { Filter = "accountnumber eq " + ODataLiteral.Format(key), Select = ["accountnumber", "name", "_msdyn_company_value"] });
        return rows.GetValueOrThrow().Where(r => r["accountnumber"]?.GetValue<string>() == key).ToList();
    }

    private static async Task<string> CreateAccountInDataverseAsync(SyncRig rig, string key)
    {
        using var http = await rig.Emulators.Dataverse.CreateAuthenticatedClientAsync();
        var body = new JsonObject
        {
            ["accountnumber"] = key,
            ["name"] = "Created in Dataverse",
            ["customertypecode"] = 3,
            ["msdyn_company@odata.bind"] = "/cdm_companies(cdm_companycode='USMF')",
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "accounts") { Content = content };
        request.Headers.TryAddWithoutValidation("Prefer", "return=representation");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, "create " + Show(key) + " in Dataverse: " + response.StatusCode + " " + text);
        return JsonNode.Parse(text)!["accountid"]!.GetValue<string>();
    }

    private static int FinOpsWrites(SyncRig rig, string method) =>
        rig.Emulators.FinOps.Control.Requests.Count(r => r.Method == method && r.Target.Contains("CustomersV3", StringComparison.Ordinal) && r.StatusCode < 300);

    /// <summary>Creates and updates the listener sent to Dataverse (ledger bookkeeping aside).</summary>
    private static int ListenerWrites(SyncRig rig) =>
        rig.ListenerToDataverse.Requests.Count(r => !r.Contains("dw_", StringComparison.Ordinal)
            && (r.StartsWith("PATCH /api/data/v9.2/accounts", StringComparison.Ordinal) || r.StartsWith("POST", StringComparison.Ordinal)));

    private static string Show(string key) => "'" + key.Replace("\t", "\\t", StringComparison.Ordinal) + "'";
}
