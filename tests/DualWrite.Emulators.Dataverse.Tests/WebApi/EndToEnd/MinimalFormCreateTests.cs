using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Tests.Support;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Emulators.Common.Auth;
using DualWrite.TestSupport;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi.EndToEnd;

/// <summary>
/// Creates as a model-driven form sends them: only the columns Dataverse requires (plus the integration key and
/// the map's filter column), lookups bound by alternate key. Both emulators on loopback, the plug-in registered
/// from solution/; each record must reach F&amp;O with F&amp;O's defaults for what nobody filled in.
/// </summary>
public sealed class MinimalFormCreateTests : IAsyncLifetime
{
    private const string Company = "/cdm_companies(cdm_companycode='USMF')";
    private static readonly Guid Usmf = SeedIds.Usmf;
    private FinOpsEmulator? _fno;
    private DataverseEmulator? _dataverse;

    private FinOpsEmulator FinOps => _fno!;

    public async Task InitializeAsync()
    {
        _fno = await FinOpsEmulator.StartAsync(new FinOpsEmulatorOptions());
        var options = new DataverseEmulatorOptions { SolutionFolder = RepositoryPaths.Solution };
        options.Steps.PluginAssemblies.Add(RepositoryPaths.PluginAssembly);
        options.Steps.SecureConfigurations["*"] = new JsonObject
        {
            ["tenantId"] = DefaultEmulatorClient.Tenant,
            ["clientId"] = DefaultEmulatorClient.ClientId,
            ["clientSecret"] = DefaultEmulatorClient.ClientSecret,
            ["authority"] = _fno.BaseAddress.AbsoluteUri,
        }.ToJsonString();
        options.Steps.UnsecureSettings["finOpsBaseUrl"] = _fno.BaseAddress.AbsoluteUri;
        options.Steps.UnsecureSettings["allowEmulatorUrls"] = true;
        _dataverse = await DataverseEmulator.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        if (_dataverse is not null)
        {
            await _dataverse.DisposeAsync();
        }

        if (_fno is not null)
        {
            await _fno.DisposeAsync();
        }
    }

    private async Task<WebApiClient> ClientAsync() => new(await _dataverse!.CreateAuthenticatedClientAsync());

    private async Task CreateAsync(string entitySet, JsonObject body)
    {
        using var client = await ClientAsync();
        var (response, error) = await client.SendAsync(HttpMethod.Post, entitySet, body);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, entitySet + ": " + response.StatusCode + " " + error?.ToJsonString());
    }

    private async Task<JsonNode?> FinOpsRecordAsync(string path)
    {
        using var http = await FinOps.CreateAuthenticatedClientAsync();
        using var response = await http.GetAsync(new Uri(FinOps.DataAddress, path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "cross-company=true"));
        return response.StatusCode == HttpStatusCode.NotFound ? null : JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_found_case_an_account_with_name_number_customer_type_and_company_bound_by_key_reaches_fno_with_its_defaults()
    {
        await CreateAsync("accounts", new JsonObject
        {
            ["name"] = "Minimal customer",
            ["accountnumber"] = "MIN-001",
            ["customertypecode"] = 3,
            ["msdyn_company@odata.bind"] = Company,
        });

        var customer = await FinOpsRecordAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='MIN-001')");
        Assert.NotNull(customer);
        Assert.Equal("Minimal customer", customer!["OrganizationName"]!.GetValue<string>());
        Assert.Equal(0m, customer["CreditLimit"]!.GetValue<decimal>());
        Assert.Equal("No", customer["CreditLimitIsMandatory"]!.GetValue<string>());
        Assert.Equal("No", customer["OnHoldStatus"]!.GetValue<string>());
        Assert.Equal("10", customer["CustomerGroupId"]!.GetValue<string>());
        Assert.Equal("en-us", customer["LanguageId"]!.GetValue<string>());
        Assert.Equal("Organization", customer["PartyType"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_explicitly_empty_column_fno_does_not_accept_empty_is_refused_naming_map_column_and_property_and_nothing_is_saved()
    {
        using var client = await ClientAsync();
        var body = new JsonObject
        {
            ["name"] = "Empty credit limit",
            ["accountnumber"] = "MIN-002",
            ["customertypecode"] = 3,
            ["creditlimit"] = null,
            ["msdyn_company@odata.bind"] = Company,
        };

        var (response, error) = await client.SendAsync(HttpMethod.Post, "accounts", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = WebApiClient.ErrorMessage(error);
        Assert.Contains("Map 'Customers V3': field creditlimit", message, StringComparison.Ordinal);
        Assert.Contains("F&O's CustomersV3.CreditLimit does not accept an empty value", message, StringComparison.Ordinal);
        Assert.Null(await FinOpsRecordAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='MIN-002')"));
        Assert.Equal(0, (await client.GetJsonAsync($"accounts?$filter=accountnumber eq 'MIN-002'&$count=true"))["@odata.count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_legal_entity_with_code_and_name_reaches_fno()
    {
        await CreateAsync("cdm_companies", new JsonObject { ["cdm_companycode"] = "MINL", ["cdm_name"] = "Minimal legal entity" });

        Assert.Equal("Minimal legal entity", (await FinOpsRecordAsync("LegalEntities('MINL')"))?["Name"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_currency_with_its_required_columns_reaches_fno()
    {
        await CreateAsync("transactioncurrencies", new JsonObject
        {
            ["isocurrencycode"] = "MNC", ["currencyname"] = "Minimal crown", ["currencysymbol"] = "m", ["exchangerate"] = 1,
        });

        Assert.Equal("Minimal crown", (await FinOpsRecordAsync("Currencies('MNC')"))?["Name"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_customer_group_with_code_and_company_reaches_fno_with_its_defaults()
    {
        await CreateAsync("msdyn_customergroups", new JsonObject { ["msdyn_groupid"] = "MG1", ["msdyn_company@odata.bind"] = Company });

        var group = await FinOpsRecordAsync("CustomerGroups(dataAreaId='usmf',CustomerGroupId='MG1')");
        Assert.Equal("No", group?["IsSalesTaxIncludedInPrice"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_vendor_with_number_name_group_and_company_reaches_fno_with_its_defaults()
    {
        await CreateAsync("msdyn_vendors", MinimalVendor("MINV-1"));

        var vendor = await FinOpsRecordAsync("VendorsV2(dataAreaId='usmf',VendorAccountNumber='MINV-1')");
        Assert.Equal("10", vendor?["VendorGroupId"]?.GetValue<string>());
        Assert.Equal(0m, vendor!["CreditLimit"]!.GetValue<decimal>());
        Assert.Equal("No", vendor["OnHoldStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_vendor_contact_with_last_name_keys_and_vendor_reaches_fno_as_a_vendor_contact()
    {
        await CreateAsync("msdyn_vendors", MinimalVendor("MINV-2"));

        // The map covers vendor contacts (its filter) keyed by contact person id; F&O keys them by party and vendor.
        await CreateAsync("contacts", new JsonObject
        {
            ["lastname"] = "Minimal",
            ["msdyn_contactpersonid"] = "MINC-1",
            ["msdyn_partynumber"] = "MINP-1",
            ["msdyn_contactforvendor"] = true,
            ["msdyn_company@odata.bind"] = Company,
            ["msdyn_vendorcontactid@odata.bind"] = $"/msdyn_vendors(msdyn_vendoraccountnumber='MINV-2',_msdyn_company_value={Usmf})",
        });

        var contacts = await FinOpsRecordAsync("CDSContactPersonsV2?$filter=ContactPersonId eq 'MINC-1'");
        var contact = Assert.Single(contacts!["value"]!.AsArray());
        Assert.Equal("Vendor", contact!["AssociatedContactType"]!.GetValue<string>());
        Assert.Equal("MINV-2", contact["AssociatedContactNumber"]!.GetValue<string>());
        Assert.Equal("Minimal", contact["LastName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_sales_order_and_its_line_with_their_required_columns_reach_fno_with_its_defaults()
    {
        await CreateAsync("salesorders", new JsonObject
        {
            ["name"] = "Minimal order",
            ["msdyn_salesordernumber"] = "MINSO-1",
            ["msdyn_ordertype"] = 192350000, // the map's filter: orders of type item
            ["msdyn_company@odata.bind"] = Company,
            ["customerid_account@odata.bind"] = $"/accounts(accountnumber='US-001',_msdyn_company_value={Usmf})",
            ["transactioncurrencyid@odata.bind"] = "/transactioncurrencies(isocurrencycode='USD')",
        });
        await CreateAsync("salesorderdetails", new JsonObject
        {
            ["quantity"] = 2,
            ["sequencenumber"] = 1,
            ["msdyn_company@odata.bind"] = Company,
            ["salesorderid@odata.bind"] = $"/salesorders(msdyn_salesordernumber='MINSO-1',_msdyn_company_value={Usmf})",
        });

        var header = await FinOpsRecordAsync("SalesOrderHeadersV2(dataAreaId='usmf',SalesOrderNumber='MINSO-1')");
        Assert.Equal("US-001", header?["OrderingCustomerAccountNumber"]?.GetValue<string>());
        Assert.Equal("No", header!["IsSalesProcessingStopped"]!.GetValue<string>());
        var lines = await FinOpsRecordAsync("SalesOrderLines?$filter=SalesOrderNumber eq 'MINSO-1'");
        var line = Assert.Single(lines!["value"]!.AsArray());
        Assert.Equal(2m, line!["OrderedSalesQuantity"]!.GetValue<decimal>());
        Assert.Equal(0m, line["SalesPrice"]!.GetValue<decimal>());
    }

    private static JsonObject MinimalVendor(string number) => new()
    {
        ["msdyn_vendoraccountnumber"] = number,
        ["msdyn_name"] = "Minimal vendor " + number,
        ["msdyn_company@odata.bind"] = Company,
        ["msdyn_vendorgroupid@odata.bind"] = $"/msdyn_vendorgroups(msdyn_vendorgroup='10',_msdyn_company_value={Usmf})",
    };
}
