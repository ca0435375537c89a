using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

/// <summary>
/// Dataverse resolves a lookup bound by alternate key to the record's id before any plug-in runs;
/// a key that names no record is refused before the pipeline.
/// </summary>
public sealed class AlternateKeyBindTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public AlternateKeyBindTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task A_lookup_bound_by_alternate_key_reaches_the_earliest_plugin_with_the_record_id()
    {
        using var client = await _fixture.ClientAsync();
        var body = new JsonObject { ["name"] = "Bound by key", ["msdyn_company@odata.bind"] = "/cdm_companies(cdm_companycode='USMF')" };

        var (response, responseBody) = await client.SendAsync(HttpMethod.Post, "accounts", body);

        Assert.True(response.StatusCode == HttpStatusCode.NoContent, responseBody?.ToJsonString());
        var seen = _fixture.CompaniesByAccountName["Bound by key"];
        Assert.Equal("cdm_company", seen.LogicalName);
        Assert.Equal(SeedIds.Usmf, seen.Id);
    }

    [Fact]
    public async Task A_bind_to_an_alternate_key_that_names_no_record_is_404_naming_the_table_and_key_and_runs_no_plugin()
    {
        using var client = await _fixture.ClientAsync();
        var body = new JsonObject { ["name"] = "Bound to nothing", ["msdyn_company@odata.bind"] = "/cdm_companies(cdm_companycode='NOPE')" };

        var (response, responseBody) = await client.SendAsync(HttpMethod.Post, "accounts", body);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("0x80040217", WebApiClient.ErrorCode(responseBody));
        var message = WebApiClient.ErrorMessage(responseBody);
        Assert.Contains("cdm_company", message, StringComparison.Ordinal);
        Assert.Contains("cdm_companycode = 'NOPE'", message, StringComparison.Ordinal);
        Assert.False(_fixture.CompaniesByAccountName.ContainsKey("Bound to nothing"));
    }

    [Fact]
    public async Task A_lookup_bound_by_id_is_passed_on_unchanged()
    {
        using var client = await _fixture.ClientAsync();
        var body = new JsonObject { ["name"] = "Bound by id", ["msdyn_company@odata.bind"] = $"/cdm_companies({SeedIds.Usmf})" };

        var (response, _) = await client.SendAsync(HttpMethod.Post, "accounts", body);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(SeedIds.Usmf, _fixture.CompaniesByAccountName["Bound by id"].Id);
    }
}
