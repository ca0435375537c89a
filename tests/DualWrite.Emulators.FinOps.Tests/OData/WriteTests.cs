using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using DualWrite.Core.Keys;
using DualWrite.Emulators.FinOps.Tests.Support;

namespace DualWrite.Emulators.FinOps.Tests.OData;

public sealed class WriteTests : IAsyncLifetime
{
    private const string NewCustomer = """{"CustomerAccount":"US-900","OrganizationName":"Test Co","PartyType":"Organization","CustomerGroupId":"10","LanguageId":"en-us","CreditLimit":1500.5,"OnHoldStatus":"No"}""";

    private EmulatorHarness _harness = null!;

    private HttpClient Http => _harness.Http;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_post_creates_the_record_in_the_callers_company_and_answers_201_with_it()
    {
        using var response = await Http.PostAsync("CustomersV3", HttpJson.Body(NewCustomer));
        var created = await HttpJson.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("usmf", created.GetProperty("dataAreaId").GetString());
        Assert.Equal(1500.5m, created.GetProperty("CreditLimit").GetDecimal());
        Assert.Equal("No", created.GetProperty("CreditLimitIsMandatory").GetString());
        Assert.Equal(string.Empty, created.GetProperty("SalesMemo").GetString());
        Assert.EndsWith("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-900')", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var read = await HttpJson.GetAsync(Http, "CustomersV3(dataAreaId='usmf',CustomerAccount='US-900')");
        Assert.Equal("Test Co", read.GetProperty("OrganizationName").GetString());
    }

    [Fact]
    public async Task A_write_with_missing_required_fields_and_unknown_references_lists_every_problem()
    {
        using var response = await Http.PostAsync(
            "CustomersV3",
            HttpJson.Body("""{"CustomerAccount":"US-901","CustomerGroupId":"99","SalesCurrencyCode":"XXX","dataAreaId":"zzzz"}"""));
        var message = await HttpJson.ErrorMessageAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Write failed for table row of type 'CustomerV3'.", message, StringComparison.Ordinal);
        Assert.Contains("Field 'PartyType' must be filled in.", message, StringComparison.Ordinal);
        Assert.Contains("'99' in field 'CustomerGroupId' is not found in the related table 'CustomerGroups'", message, StringComparison.Ordinal);
        Assert.Contains("'XXX' in field 'SalesCurrencyCode' is not found in the related table 'Currencies'", message, StringComparison.Ordinal);
        Assert.Contains("'zzzz' in field 'dataAreaId' is not found in the related table 'LegalEntities'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_group_must_exist_in_the_customers_own_company()
    {
        using var group = await Http.PostAsync("CustomerGroups", HttpJson.Body("""{"dataAreaId":"demf","CustomerGroupId":"77","Description":"Only in demf"}"""));
        using var inDemf = await Http.PostAsync("CustomersV3", HttpJson.Body(NewCustomer.Replace("\"10\"", "\"77\",\"dataAreaId\":\"demf\"", StringComparison.Ordinal)));
        using var inUsmf = await Http.PostAsync("CustomersV3", HttpJson.Body(NewCustomer.Replace("\"10\"", "\"77\"", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Created, group.StatusCode);
        Assert.Equal(HttpStatusCode.Created, inDemf.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, inUsmf.StatusCode);
        Assert.Contains("of company 'usmf'", await HttpJson.ErrorMessageAsync(inUsmf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_an_existing_key_is_refused()
    {
        using var first = await Http.PostAsync("CustomersV3", HttpJson.Body(NewCustomer));
        using var second = await Http.PostAsync("CustomersV3", HttpJson.Body(NewCustomer.Replace("US-900", "us-900", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("already exists", await HttpJson.ErrorMessageAsync(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_property_or_enum_symbol_is_refused()
    {
        using var response = await Http.PostAsync("CustomersV3", HttpJson.Body("""{"CustomerAccount":"US-902","Colour":"red","OnHoldStatus":"Maybe"}"""));
        var message = await HttpJson.ErrorMessageAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The property 'Colour' does not exist on type 'Microsoft.Dynamics.DataEntities.CustomerV3'", message, StringComparison.Ordinal);
        Assert.Contains("'Maybe'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patch_changes_only_the_fields_sent_and_answers_204()
    {
        using var response = await Http.PatchAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", HttpJson.Body("""{"OrganizationName":"Renamed Ltd."}"""));
        var read = await HttpJson.GetAsync(Http, "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("Renamed Ltd.", read.GetProperty("OrganizationName").GetString());
        Assert.Equal("en-us", read.GetProperty("LanguageId").GetString());
    }

    [Fact]
    public async Task A_patch_that_breaks_a_reference_or_changes_the_key_is_refused_and_changes_nothing()
    {
        using var badGroup = await Http.PatchAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", HttpJson.Body("""{"CustomerGroupId":"99","OrganizationName":"X"}"""));
        using var keyChange = await Http.PatchAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", HttpJson.Body("""{"CustomerAccount":"US-002"}"""));
        var read = await HttpJson.GetAsync(Http, "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')");

        Assert.Equal(HttpStatusCode.BadRequest, badGroup.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, keyChange.StatusCode);
        Assert.NotEqual("X", read.GetProperty("OrganizationName").GetString());
    }

    [Fact]
    public async Task If_match_with_a_stale_etag_is_refused_with_412_and_the_current_etag_or_a_star_is_accepted()
    {
        const string Path = "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')";
        var etag = (await HttpJson.GetAsync(Http, Path)).GetProperty("@odata.etag").GetString()!;

        using var first = await SendWithIfMatchAsync(Path, etag, """{"OrganizationName":"Version 2"}""");
        using var stale = await SendWithIfMatchAsync(Path, etag, """{"OrganizationName":"Lost update"}""");
        var current = (await HttpJson.GetAsync(Http, Path)).GetProperty("@odata.etag").GetString()!;
        using var star = await SendWithIfMatchAsync(Path, "*", """{"OrganizationName":"Version 3"}""");

        Assert.StartsWith("W/\"", etag, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal((HttpStatusCode)412, stale.StatusCode);
        Assert.NotEqual(etag, current);
        Assert.Equal(HttpStatusCode.NoContent, star.StatusCode);
    }

    [Fact]
    public async Task A_put_replaces_the_record_and_resets_what_it_omits()
    {
        using var response = await Http.PutAsync(
            "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')",
            HttpJson.Body("""{"PartyType":"Organization","CustomerGroupId":"20","LanguageId":"en-us"}"""));
        var read = await HttpJson.GetAsync(Http, "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("20", read.GetProperty("CustomerGroupId").GetString());
        Assert.Equal(string.Empty, read.GetProperty("OrganizationName").GetString());
        Assert.Equal(0m, read.GetProperty("CreditLimit").GetDecimal());
    }

    [Fact]
    public async Task A_delete_answers_204_and_the_record_is_gone()
    {
        using var delete = await Http.DeleteAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-002')");
        using var read = await Http.GetAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-002')");
        using var again = await Http.DeleteAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-002')");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData("O'Neil & Sons")]
    [InlineData("A/B?C#D%E+F")]
    [InlineData("Zoë, 'quoted'=()")]
    [InlineData("100%25 real")]
    public async Task Hostile_key_values_round_trip_through_escaped_urls(string account)
    {
        var body = "{\"CustomerAccount\":" + System.Text.Json.JsonSerializer.Serialize(account)
            + ",\"PartyType\":\"Organization\",\"CustomerGroupId\":\"10\",\"LanguageId\":\"en-us\"}";
        var path = ODataKeyFormatter.EntityPath("CustomersV3", ODataKey.Named(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, object>("dataAreaId", "usmf"),
            new System.Collections.Generic.KeyValuePair<string, object>("CustomerAccount", account),
        }));

        using var created = await Http.PostAsync("CustomersV3", HttpJson.Body(body));
        var read = await HttpJson.GetAsync(Http, path);
        var filter = "CustomerAccount eq " + ODataLiteral.Format(account);
        var filtered = await HttpJson.GetAsync(Http, "CustomersV3?$filter=" + ODataUrlEncoding.EscapeQueryValue(filter) + "&$select=CustomerAccount");
        using var patched = await Http.PatchAsync(path, HttpJson.Body("""{"OrganizationName":"Escaped"}"""));
        using var deleted = await Http.DeleteAsync(path);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(account, read.GetProperty("CustomerAccount").GetString());
        Assert.Equal(account, Assert.Single(filtered.GetProperty("value").EnumerateArray()).GetProperty("CustomerAccount").GetString());
        Assert.Equal(HttpStatusCode.NoContent, patched.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.EndsWith(path, created.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_to_a_count_segment_or_a_collection_by_patch_are_not_allowed()
    {
        using var countPost = await Http.PostAsync("CustomersV3/$count", HttpJson.Body(NewCustomer));
        using var collectionPatch = await Http.PatchAsync("CustomersV3", HttpJson.Body("""{"OrganizationName":"All"}"""));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, countPost.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, collectionPatch.StatusCode);
        Assert.Equal(300, _harness.Control.Store.Read(view => view.Count(_harness.Control.Store.Schema.Get("CustomersV3"))));
    }

    [Fact]
    public async Task A_malformed_key_is_a_400_naming_the_problem()
    {
        using var response = await Http.GetAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001)");
        using var missingPart = await Http.GetAsync("CustomersV3(CustomerAccount='US-001')");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missingPart.StatusCode);
        Assert.Contains("dataAreaId", await HttpJson.ErrorMessageAsync(missingPart), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sales_line_gets_its_lot_id_from_the_server_and_needs_an_existing_order()
    {
        using var line = await Http.PostAsync("SalesOrderLines", HttpJson.Body("""{"SalesOrderNumber":"SO-000001","ProductNumber":"P-0001","OrderedSalesQuantity":2,"InventoryLotId":"ignored"}"""));
        using var orphan = await Http.PostAsync("SalesOrderLines", HttpJson.Body("""{"SalesOrderNumber":"SO-999999"}"""));
        var created = await HttpJson.ReadAsync(line);

        Assert.Equal(HttpStatusCode.Created, line.StatusCode);
        Assert.NotEqual("ignored", created.GetProperty("InventoryLotId").GetString());
        Assert.Matches("^[0-9]{10}$", created.GetProperty("InventoryLotId").GetString());
        Assert.Contains("related table 'SalesOrderHeadersV2'", await HttpJson.ErrorMessageAsync(orphan), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_four_part_key_with_an_enum_part_addresses_a_contact_person()
    {
        var list = await HttpJson.GetAsync(Http, "CDSContactPersonsV2?$filter=AssociatedContactType eq Microsoft.Dynamics.DataEntities.SmmContactPersonCDSAssociatedContactType'Vendor'&$top=1");
        var contact = list.GetProperty("value")[0];
        var path = "CDSContactPersonsV2(dataAreaId='usmf',ContactPersonPartyNumber='" + contact.GetProperty("ContactPersonPartyNumber").GetString()
            + "',AssociatedContactType=Microsoft.Dynamics.DataEntities.SmmContactPersonCDSAssociatedContactType'Vendor',AssociatedContactNumber='"
            + contact.GetProperty("AssociatedContactNumber").GetString() + "')";

        var read = await HttpJson.GetAsync(Http, path);
        using var wrongEnum = await Http.GetAsync(path.Replace("'Vendor'", "'Customer'", StringComparison.Ordinal));

        Assert.Equal("Vendor", read.GetProperty("AssociatedContactType").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrongEnum.StatusCode);
    }

    private async Task<HttpResponseMessage> SendWithIfMatchAsync(string path, string ifMatch, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = HttpJson.Body(json) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await Http.SendAsync(request);
    }

    [Fact]
    public async Task Single_key_shared_tables_accept_the_unnamed_key_form()
    {
        var usd = await HttpJson.GetAsync(Http, "Currencies('USD')");

        Assert.Equal("US Dollar", usd.GetProperty("Name").GetString());
    }
}
