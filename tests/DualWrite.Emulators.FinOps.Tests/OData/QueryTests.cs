using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using DualWrite.Emulators.FinOps.Tests.Support;

namespace DualWrite.Emulators.FinOps.Tests.OData;

public sealed class QueryTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    private HttpClient Http => _harness.Http;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_query_returns_only_the_callers_default_company()
    {
        var customers = await HttpJson.GetAsync(Http, "CustomersV3?$select=dataAreaId");

        var companies = Values(customers).Select(c => c.GetProperty("dataAreaId").GetString()).Distinct().ToList();
        Assert.Equal(new[] { "usmf" }, companies);
    }

    [Fact]
    public async Task Cross_company_returns_every_company_and_filters_to_one()
    {
        var all = await HttpJson.GetAsync(Http, "CustomersV3?cross-company=true&$select=dataAreaId");
        var usrt = await HttpJson.GetAsync(Http, "CustomersV3?$filter=dataAreaId eq 'usrt'&cross-company=true&$select=dataAreaId");

        Assert.Equal(new[] { "demf", "usmf", "usrt" }, Values(all).Select(c => c.GetProperty("dataAreaId").GetString()).Distinct().Order());
        Assert.All(Values(usrt), c => Assert.Equal("usrt", c.GetProperty("dataAreaId").GetString()));
        Assert.Equal(100, Values(usrt).Count);
    }

    [Fact]
    public async Task A_record_of_another_company_is_found_by_key_only_cross_company()
    {
        using var hidden = await Http.GetAsync("CustomersV3(dataAreaId='usrt',CustomerAccount='RT-001')");
        using var found = await Http.GetAsync("CustomersV3(dataAreaId='usrt',CustomerAccount='RT-001')?cross-company=true");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("RT-001", (await HttpJson.ReadAsync(found)).GetProperty("CustomerAccount").GetString());
    }

    [Fact]
    public async Task Key_access_across_companies_can_be_allowed_without_cross_company()
    {
        await using var lenient = await EmulatorHarness.StartAsync(configure: o => o.KeyAccessNeedsCrossCompany = false);

        using var found = await lenient.Http.GetAsync("CustomersV3(dataAreaId='usrt',CustomerAccount='RT-001')");
        using var patched = await lenient.Http.PatchAsync("CustomersV3(dataAreaId='usrt',CustomerAccount='RT-001')", HttpJson.Body("""{"OrganizationName":"Anywhere"}"""));
        var query = await HttpJson.GetAsync(lenient.Http, "CustomersV3?$select=dataAreaId");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        Assert.All(Values(query), c => Assert.Equal("usmf", c.GetProperty("dataAreaId").GetString()));
    }

    [Fact]
    public async Task Filter_select_orderby_top_skip_and_count_combine()
    {
        var page = await HttpJson.GetAsync(
            Http, "CustomersV3?$filter=CreditLimit ge 25000 and OnHoldStatus eq Microsoft.Dynamics.DataEntities.CustVendorBlocked'No'&$select=CustomerAccount,CreditLimit&$orderby=CustomerAccount desc&$top=5&$skip=2&$count=true");

        var rows = Values(page);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.True(r.GetProperty("CreditLimit").GetDecimal() >= 25000));
        Assert.All(rows, r => Assert.Equal(2, r.EnumerateObject().Count(p => !p.Name.StartsWith('@'))));
        var accounts = rows.Select(r => r.GetProperty("CustomerAccount").GetString()!).ToList();
        Assert.Equal(accounts.OrderByDescending(a => a, StringComparer.OrdinalIgnoreCase), accounts);
        Assert.True(page.GetProperty("@odata.count").GetInt32() > 7);
        Assert.EndsWith("$metadata#CustomersV3(CustomerAccount,CreditLimit)", page.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eq_with_stars_is_a_case_insensitive_wildcard_as_in_fno()
    {
        var page = await HttpJson.GetAsync(Http, "CustomersV3?$filter=OrganizationName eq '*NORTHWIND*'&$select=OrganizationName");
        var exact = await HttpJson.GetAsync(Http, "CustomersV3?$filter=CustomerAccount eq 'us-001'&$select=CustomerAccount");

        Assert.NotEmpty(Values(page));
        Assert.All(Values(page), r => Assert.Contains("Northwind", r.GetProperty("OrganizationName").GetString(), StringComparison.Ordinal));
        Assert.Equal("US-001", Assert.Single(Values(exact)).GetProperty("CustomerAccount").GetString());
    }

    [Fact]
    public async Task The_count_segment_answers_a_plain_number()
    {
        using var response = await Http.GetAsync("CustomersV3/$count?cross-company=true");

        Assert.Equal("300", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_property_in_a_filter_is_a_400_in_the_fno_error_shape()
    {
        using var response = await Http.GetAsync("CustomersV3?$filter=Nope eq 1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nope", await HttpJson.ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_query_options_are_refused_rather_than_ignored()
    {
        using var response = await Http.GetAsync("SalesOrderHeadersV2?$expand=SalesOrderLines");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$expand", await HttpJson.ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_entity_set_is_not_found()
    {
        using var response = await Http.GetAsync("Customers");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Prefer_maxpagesize_shrinks_pages_and_the_next_links_reach_every_row()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "CustomersV3?$select=CustomerAccount");
        request.Headers.Add("Prefer", "odata.maxpagesize=40");
        using var first = await Http.SendAsync(request);
        var page = await HttpJson.ReadAsync(first);
        var accounts = Values(page).Select(r => r.GetProperty("CustomerAccount").GetString()).ToList();
        while (page.TryGetProperty("@odata.nextLink", out var next))
        {
            using var more = new HttpRequestMessage(HttpMethod.Get, next.GetString());
            more.Headers.Add("Prefer", "odata.maxpagesize=40");
            using var response = await Http.SendAsync(more);
            page = await HttpJson.ReadAsync(response);
            accounts.AddRange(Values(page).Select(r => r.GetProperty("CustomerAccount").GetString()));
        }

        Assert.Equal("odata.maxpagesize=40", first.Headers.GetValues("Preference-Applied").Single());
        Assert.Equal(100, accounts.Count);
        Assert.Equal(100, accounts.Distinct().Count());
    }

    [Fact]
    public async Task The_service_document_lists_the_entity_sets()
    {
        var document = await HttpJson.GetAsync(Http, string.Empty);

        Assert.Contains(Values(document), s => s.GetProperty("name").GetString() == "CustomersV3");
    }

    private static List<JsonElement> Values(JsonElement page) => page.GetProperty("value").EnumerateArray().ToList();
}
