using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Seed;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

public sealed class WriteTests : IClassFixture<EmulatorFixture>
{
    private static readonly Guid Usmf = SeedIds.Usmf;
    private static readonly HttpMethod Patch = HttpMethod.Patch;
    private readonly EmulatorFixture _fixture;

    public WriteTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private static string AccountKey(string number) => $"accounts(_msdyn_company_value={Usmf},accountnumber='{number}')";

    [Fact]
    public async Task A_create_answers_204_with_the_new_record_url()
    {
        using var client = await _fixture.ClientAsync();

        var (response, _) = await client.SendAsync(HttpMethod.Post, "accounts", new JsonObject { ["name"] = "Created by POST" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var url = response.Headers.GetValues("OData-EntityId").Single();
        Assert.Matches("/api/data/v9.2/accounts\\([0-9a-f-]{36}\\)$", url);
        var read = await client.GetJsonAsync(url + "?$select=name");
        Assert.Equal("Created by POST", read["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_create_with_return_representation_answers_201_with_the_record()
    {
        using var client = await _fixture.ClientAsync();

        var (response, body) = await client.SendAsync(HttpMethod.Post, "accounts?$select=name,creditlimit", new JsonObject { ["name"] = "Represented", ["creditlimit"] = 12.5m }, ("Prefer", "return=representation"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Represented", body!["name"]!.GetValue<string>());
        Assert.Equal(12.5m, body["creditlimit"]!.GetValue<decimal>());
        Assert.NotNull(body["@odata.etag"]);
    }

    [Fact]
    public async Task A_patch_by_alternate_key_creates_the_record_then_updates_it()
    {
        using var client = await _fixture.ClientAsync();
        var key = AccountKey("UPSERT-1");

        var (created, _) = await client.SendAsync(Patch, key, new JsonObject { ["name"] = "First" });
        var id = (await client.GetJsonAsync(key))["accountid"]!.GetValue<string>();
        var (updated, _) = await client.SendAsync(Patch, key, new JsonObject { ["name"] = "Second" });

        Assert.Equal(HttpStatusCode.NoContent, created.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.EndsWith($"accounts({id})", updated.Headers.GetValues("OData-EntityId").Single(), StringComparison.Ordinal);
        var read = await client.GetJsonAsync(key + "?$select=name,accountnumber,_msdyn_company_value");
        Assert.Equal("Second", read["name"]!.GetValue<string>());
        Assert.Equal("UPSERT-1", read["accountnumber"]!.GetValue<string>());
        Assert.Equal(id, read["accountid"]!.GetValue<string>());
    }

    [Fact]
    public async Task If_match_star_on_a_missing_record_is_404_and_creates_nothing()
    {
        using var client = await _fixture.ClientAsync();

        var (response, _) = await client.SendAsync(Patch, AccountKey("NOT-THERE"), new JsonObject { ["name"] = "x" }, ("If-Match", "*"));
        var (read, _) = await client.SendAsync(HttpMethod.Get, AccountKey("NOT-THERE"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task If_none_match_star_on_an_existing_record_is_412_duplicate()
    {
        using var client = await _fixture.ClientAsync();

        var (response, body) = await client.SendAsync(Patch, AccountKey("US-001"), new JsonObject { ["name"] = "x" }, ("If-None-Match", "*"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("A record with matching key values already exists.", WebApiClient.ErrorMessage(body));
    }

    [Fact]
    public async Task A_stale_etag_is_412_and_the_current_one_updates()
    {
        using var client = await _fixture.ClientAsync();
        var key = AccountKey("ETAG-1");
        await client.SendAsync(Patch, key, new JsonObject { ["name"] = "v1" });
        var etag = (await client.GetJsonAsync(key))["@odata.etag"]!.GetValue<string>();
        await client.SendAsync(Patch, key, new JsonObject { ["name"] = "v2" });

        var (stale, staleBody) = await client.SendAsync(Patch, key, new JsonObject { ["name"] = "lost" }, ("If-Match", etag));
        var current = (await client.GetJsonAsync(key))["@odata.etag"]!.GetValue<string>();
        var (fresh, freshBody) = await client.SendAsync(Patch, key + "?$select=name", new JsonObject { ["name"] = "v3" }, ("If-Match", current), ("Prefer", "return=representation"));
        var (staleDelete, _) = await client.SendAsync(HttpMethod.Delete, key, null, ("If-Match", current));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("0x80060882", WebApiClient.ErrorCode(staleBody));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("v3", freshBody!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleDelete.StatusCode);
    }

    [Fact]
    public async Task A_delete_answers_204_then_404()
    {
        using var client = await _fixture.ClientAsync();
        var key = AccountKey("DELETE-1");
        await client.SendAsync(Patch, key, new JsonObject { ["name"] = "doomed" });

        var (first, _) = await client.SendAsync(HttpMethod.Delete, key);
        var (second, _) = await client.SendAsync(HttpMethod.Delete, key);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
    }

    [Fact]
    public async Task Lookups_bind_by_id_and_by_alternate_key_and_read_back_as_value_properties()
    {
        using var client = await _fixture.ClientAsync();
        var group = DataverseSeedGenerator.ReferenceId("msdyn_customergroup", "usmf", "20");
        var body = new JsonObject
        {
            ["name"] = "Bound",
            ["msdyn_company@odata.bind"] = "/cdm_companies(cdm_companycode='usmf')",
            ["msdyn_customergroupid@odata.bind"] = $"msdyn_customergroups({group})",
            ["transactioncurrencyid@odata.bind"] = "transactioncurrencies(isocurrencycode='EUR')",
        };

        var (response, read) = await client.SendAsync(HttpMethod.Post, "accounts?$select=_msdyn_company_value,_msdyn_customergroupid_value,_transactioncurrencyid_value", body, ("Prefer", "return=representation"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Usmf.ToString(), read!["_msdyn_company_value"]!.GetValue<string>());
        Assert.Equal(group.ToString(), read["_msdyn_customergroupid_value"]!.GetValue<string>());
        Assert.Equal(DataverseSeedGenerator.ReferenceId("transactioncurrency", "EUR").ToString(), read["_transactioncurrencyid_value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Navigation_property_names_are_case_sensitive_and_value_properties_are_read_only()
    {
        using var client = await _fixture.ClientAsync();

        var (wrongCase, wrongCaseBody) = await client.SendAsync(HttpMethod.Post, "accounts", new JsonObject { ["name"] = "x", ["MSDYN_company@odata.bind"] = "/cdm_companies(cdm_companycode='usmf')" });
        var (valueWrite, _) = await client.SendAsync(HttpMethod.Post, "accounts", new JsonObject { ["name"] = "x", ["_msdyn_company_value"] = Usmf.ToString() });
        var (unknown, unknownBody) = await client.SendAsync(HttpMethod.Post, "accounts", new JsonObject { ["name"] = "x", ["nosuchcolumn"] = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, wrongCase.StatusCode);
        Assert.Contains("MSDYN_company", WebApiClient.ErrorMessage(wrongCaseBody), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, valueWrite.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("nosuchcolumn", WebApiClient.ErrorMessage(unknownBody), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_alternate_key_on_create_is_412_with_the_duplicate_code()
    {
        using var client = await _fixture.ClientAsync();

        var (response, body) = await client.SendAsync(HttpMethod.Post, "cdm_companies", new JsonObject { ["cdm_companycode"] = "usmf", ["cdm_name"] = "Again" });

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("0x80040237", WebApiClient.ErrorCode(body));
    }
}
