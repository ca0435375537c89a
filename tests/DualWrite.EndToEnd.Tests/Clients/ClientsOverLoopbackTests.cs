using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Auth;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.EndToEnd.Tests.Clients;

/// <summary>Our clients against both emulators: paging, upsert modes, delete, $batch, errors and the token cache.</summary>
public class ClientsOverLoopbackTests
{
    [Fact]
    public async Task A_Dataverse_query_follows_nextLink_to_the_last_page()
    {
        await using var rig = await ApplierRig.StartAsync();

        var all = await rig.Dataverse.QueryAllAsync("msdyn_customergroups", new ODataQuery { Select = new[] { "msdyn_groupid" } }, maxPageSize: 2);
        var first = await rig.Dataverse.QueryPageAsync("msdyn_customergroups", new ODataQuery { Select = new[] { "msdyn_groupid" } }, 2, CancellationToken.None);

        Assert.True(all.Succeeded, all.ToString());
        Assert.True(all.Value!.Count > 2);
        Assert.Equal(2, first.Value!.Rows.Count);
        Assert.NotNull(first.Value.NextLink);
        Assert.True(rig.DataverseRequests.Requests.Count(r => r.StartsWith("GET /api/data/v9.2/msdyn_customergroups", StringComparison.Ordinal)) > 2);
    }

    [Fact]
    public async Task An_FinOps_query_pages_across_companies()
    {
        await using var rig = await ApplierRig.StartAsync(customers: 9);

        var rows = await rig.FinOps.QueryAllAsync("CustomersV3", new ODataQuery { Select = new[] { "dataAreaId", "CustomerAccount" }, Filter = "dataAreaId ne 'zzzz'" });

        Assert.True(rows.Succeeded, rows.ToString());
        Assert.Equal(9, rows.Value!.Count);
        Assert.Equal(3, rows.Value.Select(r => r["dataAreaId"]!.GetValue<string>()).Distinct().Count());
    }

    [Fact]
    public async Task Upsert_modes_create_update_and_refuse_as_the_Web_API_does()
    {
        await using var rig = await ApplierRig.StartAsync();
        const string Path = "transactioncurrencies(isocurrencycode='XTS')";
        var body = new JsonObject { ["currencyname"] = "Test currency", ["currencysymbol"] = "T", ["exchangerate"] = 1m };

        var missingUpdate = await rig.Dataverse.UpsertAsync(Path, body, UpsertMode.UpdateOnly, DataverseClient.IntegrationTag, CancellationToken.None);
        var created = await rig.Dataverse.UpsertAsync(Path, body, UpsertMode.CreateOnly, DataverseClient.IntegrationTag, CancellationToken.None);
        var duplicate = await rig.Dataverse.UpsertAsync(Path, body, UpsertMode.CreateOnly, DataverseClient.IntegrationTag, CancellationToken.None);
        var deleted = await rig.Dataverse.DeleteAsync(Path, DataverseClient.IntegrationTag, CancellationToken.None);
        var deletedAgain = await rig.Dataverse.DeleteAsync(Path, DataverseClient.IntegrationTag, CancellationToken.None);

        Assert.True(missingUpdate.Error?.StatusCode == HttpStatusCode.NotFound, missingUpdate.ToString());
        Assert.True(created.Succeeded, created.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, duplicate.Error!.StatusCode);
        Assert.True(deleted.Value);
        Assert.False(deletedAgain.Value);
    }

    [Fact]
    public async Task A_Dataverse_batch_changeset_answers_per_operation()
    {
        await using var rig = await ApplierRig.StartAsync();
        var operations = new[]
        {
            BatchOperation.Patch("transactioncurrencies(isocurrencycode='XTA')", new JsonObject { ["currencyname"] = "A", ["currencysymbol"] = "A", ["exchangerate"] = 1m }),
            BatchOperation.Patch("transactioncurrencies(isocurrencycode='XTB')", new JsonObject { ["currencyname"] = "B", ["currencysymbol"] = "B", ["exchangerate"] = 1m }),
        };

        var result = await rig.Dataverse.BatchAsync(operations, atomic: true, DataverseClient.IntegrationTag, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(result.Value!.Count == 2, string.Join(" / ", result.Value.Select(p => p.StatusCode + " " + p.Error)));
        Assert.All(result.Value, part => Assert.True(part.Succeeded, part.Error?.ToString()));
        Assert.NotNull((await rig.Dataverse.FindIdAsync("transactioncurrencies(isocurrencycode='XTB')", "transactioncurrency", CancellationToken.None)).Value);
    }

    [Fact]
    public async Task An_FinOps_batch_reports_the_failing_part_with_the_inner_message()
    {
        await using var rig = await ApplierRig.StartAsync();
        var operations = new[]
        {
            BatchOperation.Get("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')?cross-company=true"),
            BatchOperation.Get("CustomersV3(dataAreaId='usmf',CustomerAccount='NOPE')?cross-company=true"),
        };

        var result = await rig.FinOps.BatchAsync(operations, atomic: false, CancellationToken.None);

        Assert.True(result.Succeeded, result.ToString());
        Assert.True(result.Value![0].Succeeded);
        Assert.Equal("US-001", result.Value[0].Body!["CustomerAccount"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, result.Value[1].StatusCode);
        Assert.Contains("NOPE", result.Value[1].Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_are_fetched_once_and_reused_until_shortly_before_expiry()
    {
        await using var rig = await ApplierRig.StartAsync();

        for (var i = 0; i < 5; i++)
        {
            await rig.Dataverse.FindIdAsync("cdm_companies(cdm_companycode='USMF')", "cdm_company", CancellationToken.None);
        }

        Assert.Equal(1, rig.DataverseTokens.TokensRequested);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_the_authority_reason()
    {
        await using var rig = await ApplierRig.StartAsync();
        using var http = new System.Net.Http.HttpClient();
        using var provider = new DualWrite.Listener.Clients.Auth.HttpClientCredentialsTokenProvider(http, new DualWrite.Listener.Clients.Auth.ClientCredentialsOptions
        {
            Authority = new Uri(rig.FinOpsEmulator.BaseAddress, DefaultEmulatorClient.Tenant),
            ClientId = DefaultEmulatorClient.ClientId,
            ClientSecret = "wrong",
            Scope = rig.FinOpsEmulator.BaseAddress + ".default",
        }, TimeProvider.System);

        var refused = await Assert.ThrowsAsync<DualWrite.Listener.Clients.Auth.AccessTokenException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Contains("AADSTS7000215", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_gets_no_token_is_a_failed_result_naming_why_not_an_exception()
    {
        await using var rig = await ApplierRig.StartAsync();
        using var tokens = new DualWrite.Listener.Clients.Auth.HttpClientCredentialsTokenProvider(new System.Net.Http.HttpClient(), new DualWrite.Listener.Clients.Auth.ClientCredentialsOptions
        {
            Authority = new Uri(rig.FinOpsEmulator.BaseAddress, DefaultEmulatorClient.Tenant),
            ClientId = DefaultEmulatorClient.ClientId,
            ClientSecret = "Xq7-not-the-secret",
            Scope = rig.FinOpsEmulator.BaseAddress + ".default",
        }, TimeProvider.System);
        var finOps = new DualWrite.Listener.Clients.FinOps.FinOpsClient(new System.Net.Http.HttpClient(new DualWrite.Listener.Clients.Auth.BearerTokenHandler(tokens) { InnerHandler = new System.Net.Http.HttpClientHandler() }), rig.FinOps.DataRoot, TimeProvider.System);

        var read = await finOps.GetAsync("CustomerGroups", null, CancellationToken.None);

        Assert.False(read.Succeeded);
        Assert.Contains("no access token", read.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Xq7-not-the-secret", read.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MSAL_refuses_an_http_authority_which_is_why_emulators_use_our_own_grant()
    {
        var options = new DualWrite.Listener.Clients.Auth.ClientCredentialsOptions { Authority = new Uri("http://127.0.0.1:5555/emulator"), ClientId = "c", ClientSecret = "s", Scope = "x/.default" };

        Assert.Throws<ArgumentException>(() => new DualWrite.Listener.Clients.Auth.MsalAccessTokenProvider(options));
        Assert.IsType<DualWrite.Listener.Clients.Auth.HttpClientCredentialsTokenProvider>(DualWrite.Listener.Clients.Auth.AccessTokenProviders.Create(options, new System.Net.Http.HttpClient(), TimeProvider.System));
    }
}
