using System;
using System.Linq;
using Microsoft.OData.Edm;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

public sealed class ReadTests : IClassFixture<EmulatorFixture>
{
    private static readonly Guid Usmf = SeedIds.Usmf;
    private readonly EmulatorFixture _fixture;

    public ReadTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task The_service_document_lists_the_entity_sets_of_the_standard_maps()
    {
        using var client = await _fixture.ClientAsync();
        var body = await client.GetJsonAsync("");
        var names = body["value"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("accounts", names);
        Assert.Contains("cdm_companies", names);
        Assert.Contains("msdyn_customergroups", names);
        Assert.Contains("salesorderdetails", names);
        Assert.EndsWith("/api/data/v9.2/$metadata", body["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_read_by_id_carries_its_etag_and_lookups_as_value_properties()
    {
        using var client = await _fixture.ClientAsync();
        var first = (await client.GetJsonAsync("accounts?$select=accountnumber&$top=1"))["value"]![0]!;
        var id = first["accountid"]!.GetValue<string>();

        var (response, body) = await client.SendAsync(HttpMethod.Get, $"accounts({id})?$select=name,_msdyn_company_value");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^W/\"[0-9]+\"$", body!["@odata.etag"]!.GetValue<string>());
        Assert.Equal(body["@odata.etag"]!.GetValue<string>(), response.Headers.ETag!.ToString());
        Assert.Equal(Usmf.ToString(), body["_msdyn_company_value"]!.GetValue<string>());
        Assert.Equal(id, body["accountid"]!.GetValue<string>());
        Assert.Null(body["accountnumber"]);
    }

    [Fact]
    public async Task A_record_is_found_by_a_one_part_and_by_a_two_part_alternate_key()
    {
        using var client = await _fixture.ClientAsync();

        var company = await client.GetJsonAsync("cdm_companies(cdm_companycode='usmf')?$select=cdm_name");
        var account = await client.GetJsonAsync($"accounts(_msdyn_company_value={Usmf},accountnumber='US-002')?$select=accountnumber");

        Assert.Equal(Usmf.ToString(), company["cdm_companyid"]!.GetValue<string>());
        Assert.Equal("US-002", account["accountnumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_lookup_part_of_a_key_may_be_named_by_its_alias()
    {
        using var client = await _fixture.ClientAsync();

        var byAlias = await client.GetJsonAsync($"accounts(msdyn_company={Usmf},accountnumber='US-004')?$select=accountnumber");
        var byValueProperty = await client.GetJsonAsync($"accounts(_msdyn_company_value={Usmf},accountnumber='US-004')?$select=accountnumber");

        Assert.Equal(byValueProperty["accountid"]!.GetValue<string>(), byAlias["accountid"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_key_on_a_column_that_is_not_an_alternate_key_is_refused_with_400()
    {
        using var client = await _fixture.ClientAsync();

        var (response, body) = await client.SendAsync(HttpMethod.Get, "accounts(name='Contoso')");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.account'", WebApiClient.ErrorMessage(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_record_answers_404_with_the_object_does_not_exist_code()
    {
        using var client = await _fixture.ClientAsync();

        var (response, body) = await client.SendAsync(HttpMethod.Get, $"accounts({Guid.NewGuid()})");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("0x80040217", WebApiClient.ErrorCode(body));
    }

    [Theory]
    [InlineData("accountnumber eq 'US-003'", 1)]
    [InlineData("accountnumber eq 'US-003' or accountnumber eq 'RT-003'", 2)]
    [InlineData("startswith(accountnumber,'DE-00') and not (accountnumber eq 'DE-001')", 8)]
    [InlineData("contains(accountnumber,'T-01')", 10)]
    [InlineData("endswith(accountnumber,'-100')", 3)]
    [InlineData("accountnumber ge 'US-095' and accountnumber lt 'US-099'", 4)]
    [InlineData("accountnumber gt 'US-098' and accountnumber le 'US-100'", 2)]
    [InlineData("accountnumber ne 'x' and telephone1 eq null", 300)]
    [InlineData("not (telephone1 eq null)", 0)]
    public async Task Filter_operators_select_the_expected_seed_accounts(string filter, int expected)
    {
        using var client = await _fixture.ClientAsync();
        var scoped = $"({filter}) and (startswith(accountnumber,'US-') or startswith(accountnumber,'RT-') or startswith(accountnumber,'DE-'))";

        var body = await client.GetJsonAsync("accounts?$select=accountnumber&$count=true&$filter=" + Uri.EscapeDataString(scoped));

        Assert.Equal(expected, body["@odata.count"]!.GetValue<int>());
        Assert.Equal(expected, body["value"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_lookup_is_filtered_by_its_value_property()
    {
        using var client = await _fixture.ClientAsync();

        var body = await client.GetJsonAsync($"accounts?$select=accountnumber&$count=true&$filter=_msdyn_company_value eq {Usmf} and startswith(accountnumber,'US-')");

        Assert.Equal(100, body["@odata.count"]!.GetValue<int>());
        Assert.All(body["value"]!.AsArray(), a => Assert.StartsWith("US-", a!["accountnumber"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Orderby_and_top_return_the_last_accounts_first()
    {
        using var client = await _fixture.ClientAsync();

        var body = await client.GetJsonAsync("accounts?$select=accountnumber&$filter=startswith(accountnumber,'US-')&$orderby=accountnumber desc&$top=3");

        Assert.Equal(["US-100", "US-099", "US-098"], body["value"]!.AsArray().Select(a => a!["accountnumber"]!.GetValue<string>()));
        Assert.Null(body["@odata.nextLink"]);
    }

    [Fact]
    public async Task Skip_is_refused_as_the_service_refuses_it()
    {
        using var client = await _fixture.ClientAsync();

        var (response, body) = await client.SendAsync(HttpMethod.Get, "accounts?$skip=10");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The query parameter $skip is not supported", WebApiClient.ErrorMessage(body));
    }

    [Fact]
    public async Task An_unknown_column_in_select_or_filter_is_a_400()
    {
        using var client = await _fixture.ClientAsync();

        var (select, _) = await client.SendAsync(HttpMethod.Get, "accounts?$select=nosuchcolumn");
        var (filter, body) = await client.SendAsync(HttpMethod.Get, "accounts?$filter=nosuchcolumn eq 1");

        Assert.Equal(HttpStatusCode.BadRequest, select.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, filter.StatusCode);
        Assert.Contains("nosuchcolumn", WebApiClient.ErrorMessage(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maxpagesize_pages_with_an_opaque_skiptoken_and_says_so_in_preference_applied()
    {
        using var client = await _fixture.ClientAsync();
        var url = "accounts?$select=accountnumber&$filter=startswith(accountnumber,'RT-')";
        var seen = new System.Collections.Generic.List<string>();
        string? next = url;
        var pages = 0;
        while (next is not null)
        {
            var (response, body) = await client.SendAsync(HttpMethod.Get, next, null, ("Prefer", "odata.maxpagesize=30"));
            Assert.Equal("odata.maxpagesize=30", response.Headers.GetValues("Preference-Applied").Single());
            seen.AddRange(body!["value"]!.AsArray().Select(a => a!["accountnumber"]!.GetValue<string>()));
            next = body["@odata.nextLink"]?.GetValue<string>();
            Assert.True(next is null || next.Contains("$skiptoken=", StringComparison.Ordinal) || next.Contains("%24skiptoken=", StringComparison.Ordinal));
            pages++;
        }

        Assert.Equal(4, pages);
        Assert.Equal(100, seen.Distinct().Count());
    }

    [Fact]
    public async Task Metadata_is_csdl_with_entity_sets_alternate_keys_and_navigation_properties()
    {
        using var client = await _fixture.ClientAsync();
        var xml = await client.Http.GetStringAsync("$metadata");

        using var reader = System.Xml.XmlReader.Create(new System.IO.StringReader(xml));
        Assert.True(Microsoft.OData.Edm.Csdl.CsdlReader.TryParse(reader, out var model, out var errors), string.Join("; ", errors.Select(e => e.ErrorMessage)));
        var account = (Microsoft.OData.Edm.IEdmEntityType)model.FindDeclaredType("Microsoft.Dynamics.CRM.account");
        Assert.Equal("accounts", model.EntityContainer.EntitySets().Single(s => s.EntityType() == account).Name);
        var key = Assert.Single(Microsoft.OData.Edm.ExtensionMethods.GetAlternateKeysAnnotation(model, account));
        Assert.Equal(["_msdyn_company_value", "accountnumber"], key.Values.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Contains(account.NavigationProperties(), n => n.Name == "msdyn_customergroupid");
    }
}
