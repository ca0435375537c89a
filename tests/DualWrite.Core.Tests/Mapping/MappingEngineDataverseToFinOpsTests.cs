using System;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Core.Records;

namespace DualWrite.Core.Tests.Mapping;

public class MappingEngineDataverseToFinOpsTests
{
    private static readonly Guid EuroId = Guid.Parse("22222222-0000-0000-0000-000000000001");
    private static readonly TableMap Map = CustomerMap.Load();

    private static DataRecord Account(params object?[] overrides)
    {
        object?[] fields =
        {
            "accountnumber", "US-001",
            "name", "Contoso",
            "msdyn_customergroupid", LookupValue.ByKey("msdyn_customergroup", "10"),
            "transactioncurrencyid", LookupValue.ById("transactioncurrency", EuroId),
            "creditlimit", RecordValue.FromMoney(1500.25m),
            "msdyn_creditlimitismandatory", true,
            "msdyn_onholdstatus", 192350002,
            "description", null,
        };
        var record = TestRecords.Of("USMF", fields);
        for (var i = 0; i < overrides.Length; i += 2)
        {
            record = record.With((string)overrides[i]!, TestRecords.ToValue(overrides[i + 1]));
        }

        return record;
    }

    private static ResolvedLookups EuroResolved() => new ResolvedLookups().AddKeyValue("transactioncurrencies(" + EuroId.ToString("D") + ")", "EUR");

    [Fact]
    public void An_account_becomes_a_customer_payload_with_codes_for_its_lookups()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, Account(), resolved: EuroResolved()));

        Assert.Empty(result.Errors);
        Assert.Equal(
            new[]
            {
                "dataAreaId = usmf",
                "CustomerAccount = US-001",
                "OrganizationName = Contoso",
                "CustomerGroupId = 10",
                "SalesCurrencyCode = EUR",
                "CreditLimit = 1500.25",
                "CreditLimitIsMandatory = Yes",
                "OnHoldStatus = All",
                "SalesMemo = ",
                "LanguageId = en-us",
            },
            result.Lines());
        Assert.Equal("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", result.TargetKey!.Path);
        Assert.Equal(RecordValueKind.Decimal, result.Payload[5].Value.Kind);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void A_lookup_known_only_by_id_asks_for_its_key_column_and_is_left_out_until_resolved()
    {
        var first = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, Account()));

        var currency = Assert.Single(first.LookupsToResolve);
        Assert.Equal(LookupResolutionKind.ReadKeyValue, currency.Kind);
        Assert.Equal("transactioncurrencies(22222222-0000-0000-0000-000000000001)", currency.Path);
        Assert.Equal("isocurrencycode", currency.KeyField);
        Assert.Equal(EuroId, currency.Id);
        Assert.DoesNotContain(first.Payload, p => p.Name == "SalesCurrencyCode");
        Assert.False(first.IsComplete);
        Assert.True(first.Succeeded);
    }

    [Fact]
    public void A_lookup_carrying_its_key_value_needs_no_read()
    {
        var record = Account("transactioncurrencyid", new LookupValue("transactioncurrency", EuroId, "EUR"));

        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, record));

        Assert.Empty(result.LookupsToResolve);
        Assert.Contains("SalesCurrencyCode = EUR", result.Lines());
    }

    [Fact]
    public void The_company_is_read_from_the_company_lookup_when_the_record_does_not_name_it()
    {
        var usmf = Guid.Parse("11111111-2222-3333-4444-555555555555");
        var record = new DataRecord(Account().Fields).With("msdyn_company", RecordValue.FromLookup(LookupValue.ById("cdm_company", usmf)));

        var first = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, record, resolved: EuroResolved()));
        var company = Assert.Single(first.LookupsToResolve);
        var second = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, record, resolved: EuroResolved().AddKeyValue(company.Path, "USMF")));

        Assert.Equal("cdm_companies(11111111-2222-3333-4444-555555555555)", company.Path);
        Assert.Equal("cdm_companycode", company.KeyField);
        Assert.Null(first.TargetKey);
        Assert.Equal("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", second.TargetKey!.Path);
        Assert.True(second.IsComplete);
    }

    [Fact]
    public void A_lookup_to_another_table_than_the_map_says_is_an_error()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, Account("msdyn_customergroupid", LookupValue.ByKey("msdyn_vendorgroup", "10")), resolved: EuroResolved()));

        Assert.Equal(
            "Map 'Customers V3': field msdyn_customergroupid value 'msdyn_vendorgroup(10)' for key USMF/US-001 refers to a msdyn_vendorgroup record where the map expects msdyn_customergroup.",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void A_choice_without_a_value_map_entry_is_an_error_naming_the_dataverse_field()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, Account("msdyn_onholdstatus", 7), resolved: EuroResolved()));

        Assert.Equal("Map 'Customers V3': field msdyn_onholdstatus value '7' for key USMF/US-001 has no entry in the value map.", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void A_name_longer_than_the_map_allows_is_an_error_when_the_map_says_error()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, Account("name", "Contoso Pharmaceuticals Ltd"), resolved: EuroResolved()));

        Assert.Equal(
            "Map 'Customers V3': field name value 'Contoso Pharmaceuticals Ltd' for key USMF/US-001 is 27 characters long, more than the maximum of 20.",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void A_name_longer_than_the_map_allows_is_cut_when_the_map_says_truncate()
    {
        var truncating = MapLoader.Load(CustomerMap.Json.Replace("\"onOverflow\": \"error\"", "\"onOverflow\": \"truncate\"", StringComparison.Ordinal), "customers.json").Map!;

        var result = MappingEngine.Map(new MappingRequest(truncating, SyncDirection.DataverseToFinOps, Account("name", "Contoso Pharmaceuticals Ltd"), resolved: EuroResolved()));

        Assert.Empty(result.Errors);
        Assert.Contains("OrganizationName = Contoso Pharmaceutic", result.Lines());
    }

    [Fact]
    public void A_transform_limited_to_the_other_direction_leaves_the_value_alone()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, TestRecords.Of("usmf", "CustomerAccount", "US-001", "OrganizationName", "Contoso Pharmaceuticals Ltd")));

        Assert.Contains("name = Contoso Pharmaceuticals Ltd", result.Lines());
    }
}
