using System;
using System.Linq;
using System.Threading.Tasks;
using DualWrite.Core.Json;
using DualWrite.Emulators.Dataverse.Builder;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Plugins.TestSupport;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DualWrite.Plugins.Tests.WriteThrough;

public sealed class WriteThroughPluginTests
{
    [Fact]
    public async Task A_created_account_is_posted_to_CustomersV3_with_its_company_codes_and_defaults()
    {
        await using var scenario = await CustomersScenario.StartAsync();

        scenario.Service.Create(CustomersScenario.NewAccount());

        var request = Assert.Single(scenario.FinOps.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/data/CustomersV3", request.RawTarget);
        Assert.Equal("Bearer token-1", request.Authorization);
        var body = (JsonObject)JsonParser.Parse(request.Body);
        Assert.Equal("usmf", Text(body, "dataAreaId"));
        Assert.Equal("US-001", Text(body, "CustomerAccount"));
        Assert.Equal("Contoso", Text(body, "OrganizationName"));
        Assert.Equal("10", Text(body, "CustomerGroupId"));
        Assert.Equal("5000", ((JsonNumber)body["CreditLimit"]!).RawText);
        Assert.Equal("Yes", Text(body, "CreditLimitIsMandatory"));
        Assert.Equal("No", Text(body, "OnHoldStatus"));
        Assert.Equal("en-us", Text(body, "LanguageId"));
        Assert.Equal("Organization", Text(body, "PartyType"));
        Assert.Equal("dataAreaId", body.Properties[0].Key);
    }

    [Fact]
    public async Task An_update_patches_only_the_changed_fields_of_the_record_addressed_by_its_full_key()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var id = scenario.Service.Create(CustomersScenario.NewAccount());

        scenario.Service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd", ["telephone1"] = "+1 555 0100" });

        var request = scenario.FinOps.Requests[1];
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')?cross-company=true", request.RawTarget);
        Assert.Equal("{\"OrganizationName\":\"Contoso Ltd\",\"PrimaryContactPhone\":\"+1 555 0100\"}", request.Body);
    }

    [Fact]
    public async Task A_changed_lookup_is_sent_as_the_referenced_records_code()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var id = scenario.Service.Create(CustomersScenario.NewAccount());

        scenario.Service.Update(new Entity("account", id)
        {
            ["msdyn_customergroupid"] = new EntityReference("msdyn_customergroup", CustomersScenario.GroupNinetyNine),
            ["msdyn_paymentterm"] = new EntityReference("msdyn_paymentterm", CustomersScenario.PaymentNet30),
            ["transactioncurrencyid"] = new EntityReference("transactioncurrency", CustomersScenario.CurrencyUsd),
        });

        Assert.Equal("{\"CustomerGroupId\":\"99\",\"PaymentTerms\":\"Net30\",\"SalesCurrencyCode\":\"USD\"}", scenario.FinOps.Requests[1].Body);
    }

    [Fact]
    public async Task Lookups_and_the_company_are_read_with_one_query_per_referenced_table()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var billing = scenario.Service.Create(CustomersScenario.NewAccount("US-900", "Parent"));
        var account = CustomersScenario.NewAccount("US-002", "Child");
        account["msdyn_paymentterm"] = new EntityReference("msdyn_paymentterm", CustomersScenario.PaymentNet30);
        account["msdyn_billingaccount"] = new EntityReference("account", billing);
        scenario.Dataverse.ClearTraces();

        scenario.Service.Create(account);

        var body = (JsonObject)JsonParser.Parse(scenario.FinOps.Requests[1].Body);
        Assert.Equal("US-900", Text(body, "InvoiceAccount"));
        Assert.Equal("Net30", Text(body, "PaymentTerms"));
        var reads = scenario.TracesContaining("for lookups.");
        Assert.Equal(4, reads.Count);
        foreach (var table in new[] { "cdm_company", "msdyn_customergroup", "msdyn_paymentterm", "account" })
        {
            Assert.Single(reads, line => line.EndsWith(" " + table + " record(s) for lookups.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_delete_deletes_the_FinOps_record_addressed_by_its_full_key()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var id = scenario.Service.Create(CustomersScenario.NewAccount());

        scenario.Service.Delete("account", id);

        var request = scenario.FinOps.Requests[1];
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')?cross-company=true", request.RawTarget);
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public async Task A_delete_FinOps_answers_404_to_counts_as_done()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var id = scenario.Service.Create(CustomersScenario.NewAccount());
        scenario.FinOps.Script(FakeResponse.Error(404, "Resource not found for the segment 'CustomersV3'."));

        scenario.Service.Delete("account", id);

        Assert.Empty(scenario.Dataverse.Snapshot().Tables["account"]);
    }

    [Fact]
    public async Task A_change_to_an_unmapped_column_makes_no_call()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var id = scenario.Service.Create(CustomersScenario.NewAccount());

        scenario.Service.Update(new Entity("account", id) { [CustomersScenario.UnmappedColumn] = "internal" });

        Assert.Single(scenario.FinOps.Requests);
    }

    [Fact]
    public async Task Saving_a_mapped_column_with_the_value_it_already_holds_makes_no_call()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var id = scenario.Service.Create(CustomersScenario.NewAccount());
        scenario.Dataverse.ClearTraces();

        scenario.Service.Update(new Entity("account", id) { ["name"] = "Contoso" });

        Assert.Single(scenario.FinOps.Requests);
        Assert.Single(scenario.TracesContaining("Skipped: no column that map 'Customers V3' writes to F&O changed."));
    }

    [Fact]
    public async Task A_write_tagged_DualWrite_makes_no_call_and_says_why_in_the_trace()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var create = new CreateRequest { Target = CustomersScenario.NewAccount() };
        create.Parameters["tag"] = "DualWrite";

        var id = ((CreateResponse)scenario.Service.Execute(create)).id;
        var update = new UpdateRequest { Target = new Entity("account", id) { ["name"] = "From F&O" } };
        update.Parameters["tag"] = "DualWrite";
        scenario.Service.Execute(update);

        Assert.Empty(scenario.FinOps.Requests);
        Assert.Equal(2, scenario.TracesContaining("Skipped: the save carries tag 'DualWrite'").Count);
    }

    [Fact]
    public async Task A_nested_save_under_a_tagged_parent_makes_no_call()
    {
        await using var scenario = await CustomersScenario.StartAsync(configure: RenameAccountsOnCompanyUpdate);
        scenario.Service.Create(CustomersScenario.NewAccount());
        var update = new UpdateRequest { Target = new Entity("cdm_company", CustomersScenario.CompanyUsmf) { ["cdm_companycode"] = "USMF" } };
        update.Parameters["tag"] = "DualWrite";

        scenario.Service.Execute(update);

        Assert.Single(scenario.FinOps.Requests);
        Assert.Single(scenario.TracesContaining("Skipped: the save carries tag 'DualWrite'"));
        Assert.Equal("Contoso (renamed)", Assert.Single(scenario.Dataverse.Snapshot().Tables["account"]).GetAttributeValue<string>("name"));
    }

    [Fact]
    public async Task A_nested_save_under_an_untagged_parent_is_written_through()
    {
        await using var scenario = await CustomersScenario.StartAsync(configure: RenameAccountsOnCompanyUpdate);
        scenario.Service.Create(CustomersScenario.NewAccount());

        scenario.Service.Update(new Entity("cdm_company", CustomersScenario.CompanyUsmf) { ["cdm_companycode"] = "USMF" });

        Assert.Equal("{\"OrganizationName\":\"Contoso (renamed)\"}", scenario.FinOps.Requests[1].Body);
    }

    [Fact]
    public async Task A_write_with_another_tag_is_written_through()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var create = new CreateRequest { Target = CustomersScenario.NewAccount() };
        create.Parameters["tag"] = "SomethingElse";

        scenario.Service.Execute(create);

        Assert.Single(scenario.FinOps.Requests);
    }

    [Fact]
    public async Task A_record_outside_the_maps_Dataverse_filter_makes_no_call()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var person = CustomersScenario.NewAccount();
        person["customertypecode"] = new OptionSetValue(1);

        scenario.Service.Create(person);

        Assert.Empty(scenario.FinOps.Requests);
        Assert.Single(scenario.TracesContaining("Skipped: the record is outside map 'Customers V3'"));
    }

    [Fact]
    public async Task A_record_that_enters_the_maps_filter_is_created_in_FinOps()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var person = CustomersScenario.NewAccount();
        person["customertypecode"] = new OptionSetValue(1);
        var id = scenario.Service.Create(person);

        scenario.Service.Update(new Entity("account", id) { ["customertypecode"] = new OptionSetValue(3) });

        var request = Assert.Single(scenario.FinOps.Requests);
        Assert.Equal(("POST", "/data/CustomersV3"), (request.Method, request.RawTarget));
        Assert.Equal("Contoso", Text((JsonObject)JsonParser.Parse(request.Body), "OrganizationName"));
    }

    [Fact]
    public async Task Hostile_key_values_are_escaped_in_the_URL_and_reach_FinOps_unchanged()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        const string hostile = "O'Brien/#1 ?&%=é)";
        var id = scenario.Service.Create(CustomersScenario.NewAccount(hostile));

        scenario.Service.Update(new Entity("account", id) { ["name"] = "Renamed" });

        var request = scenario.FinOps.Requests[1];
        Assert.Equal("/data/CustomersV3(dataAreaId='usmf',CustomerAccount='O''Brien%2F%231%20%3F%26%25%3D%C3%A9%29')?cross-company=true", request.RawTarget);
        Assert.Equal(hostile, Text((JsonObject)JsonParser.Parse(scenario.FinOps.Requests[0].Body), "CustomerAccount"));
    }

    [Fact]
    public async Task The_token_is_fetched_once_for_many_saves()
    {
        await using var scenario = await CustomersScenario.StartAsync();

        for (var i = 0; i < 10; i++)
        {
            scenario.Service.Create(CustomersScenario.NewAccount("US-" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(10, scenario.FinOps.Requests.Count);
        Assert.Equal(1, scenario.FinOps.TokenRequests);
        Assert.All(scenario.FinOps.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
    }

    [Fact]
    public async Task A_401_gets_a_new_token_once_and_retries()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        scenario.FinOps.Script(new FakeResponse(401, "{}"));

        scenario.Service.Create(CustomersScenario.NewAccount());

        Assert.Equal(2, scenario.FinOps.TokenRequests);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], scenario.FinOps.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_429_whose_Retry_After_fits_the_budget_is_retried()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        scenario.FinOps.Script(FakeResponse.TooManyRequests(1));

        scenario.Service.Create(CustomersScenario.NewAccount());

        Assert.Equal(2, scenario.FinOps.Requests.Count);
        Assert.Single(scenario.Dataverse.Snapshot().Tables["account"]);
    }

    [Fact]
    public async Task Changing_the_integration_key_is_refused_before_anything_is_sent()
    {
        await using var scenario = await CustomersScenario.StartAsync();
        var id = scenario.Service.Create(CustomersScenario.NewAccount());

        var error = Assert.Throws<InvalidPluginExecutionException>(() => scenario.Service.Update(new Entity("account", id) { ["accountnumber"] = "US-002" }));

        Assert.Equal("account US-001 cannot change its accountnumber from 'US-001' to 'US-002': F&O's CustomersV3 record is addressed by it. Create a new account instead.", error.Message);
        Assert.Single(scenario.FinOps.Requests);
        Assert.Equal("US-001", scenario.Service.Retrieve("account", id, new Microsoft.Xrm.Sdk.Query.ColumnSet("accountnumber")).GetAttributeValue<string>("accountnumber"));
    }

    private static void RenameAccountsOnCompanyUpdate(InMemoryDataverseBuilder builder) => builder.AddStep(new StepRegistration
    {
        PluginType = typeof(RenameAccountsPlugin),
        Message = "Update",
        Table = "cdm_company",
        Stage = PipelineStage.PostOperation,
    });

    private static string? Text(JsonObject body, string name) => (body[name] as JsonString)?.Value;
}
