using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

public sealed class BulkActionTests : IClassFixture<EmulatorFixture>
{
    private static readonly Guid Usmf = SeedIds.Usmf;
    private readonly EmulatorFixture _fixture;

    public BulkActionTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private static JsonObject Account(string number, string name) => new()
    {
        ["@odata.type"] = "Microsoft.Dynamics.CRM.account",
        ["name"] = name,
        ["accountnumber"] = number,
        ["msdyn_company@odata.bind"] = "/cdm_companies(cdm_companycode='usmf')",
    };

    [Fact]
    public async Task CreateMultiple_answers_the_new_ids_in_order()
    {
        using var client = await _fixture.ClientAsync();
        var targets = new JsonArray(Account("BULK-1", "One"), Account("BULK-2", "Two"));

        var (response, body) = await client.SendAsync(HttpMethod.Post, "accounts/Microsoft.Dynamics.CRM.CreateMultiple", new JsonObject { ["Targets"] = targets });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = body!["Ids"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal("Two", (await client.GetJsonAsync($"accounts({ids[1]})?$select=name"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_target_needs_its_odata_type_and_nothing_is_written_without_it()
    {
        using var client = await _fixture.ClientAsync();
        var untyped = Account("BULK-UNTYPED", "x");
        untyped.Remove("@odata.type");

        var (response, _) = await client.SendAsync(HttpMethod.Post, "accounts/Microsoft.Dynamics.CRM.CreateMultiple", new JsonObject { ["Targets"] = new JsonArray(Account("BULK-TYPED", "y"), untyped) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Get, $"accounts(_msdyn_company_value={Usmf},accountnumber='BULK-TYPED')")).Response.StatusCode);
    }

    [Fact]
    public async Task UpsertMultiple_by_odata_id_creates_and_updates()
    {
        using var client = await _fixture.ClientAsync();
        var existing = Account("US-010", "Renamed by UpsertMultiple");
        existing["@odata.id"] = $"accounts(_msdyn_company_value={Usmf},accountnumber='US-010')";
        var fresh = Account("UPSERTM-1", "New by UpsertMultiple");
        fresh["@odata.id"] = $"accounts(_msdyn_company_value={Usmf},accountnumber='UPSERTM-1')";

        var (response, _) = await client.SendAsync(HttpMethod.Post, "accounts/Microsoft.Dynamics.CRM.UpsertMultiple", new JsonObject { ["Targets"] = new JsonArray(existing, fresh) });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("Renamed by UpsertMultiple", (await client.GetJsonAsync($"accounts(_msdyn_company_value={Usmf},accountnumber='US-010')?$select=name"))["name"]!.GetValue<string>());
        Assert.Equal("New by UpsertMultiple", (await client.GetJsonAsync($"accounts(_msdyn_company_value={Usmf},accountnumber='UPSERTM-1')?$select=name"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task UpdateMultiple_changes_records_named_by_primary_key()
    {
        using var client = await _fixture.ClientAsync();
        var id = (await client.GetJsonAsync($"accounts(_msdyn_company_value={Usmf},accountnumber='US-011')"))["accountid"]!.GetValue<string>();
        var target = new JsonObject { ["@odata.type"] = "Microsoft.Dynamics.CRM.account", ["accountid"] = id, ["telephone1"] = "42" };

        var (response, _) = await client.SendAsync(HttpMethod.Post, "accounts/Microsoft.Dynamics.CRM.UpdateMultiple", new JsonObject { ["Targets"] = new JsonArray(target) });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("42", (await client.GetJsonAsync($"accounts({id})?$select=telephone1"))["telephone1"]!.GetValue<string>());
    }
}
