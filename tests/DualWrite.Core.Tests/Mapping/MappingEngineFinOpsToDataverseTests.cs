using System;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Tests.Mapping;

public class MappingEngineFinOpsToDataverseTests
{
    private static readonly Guid UsmfId = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private static readonly TableMap Map = CustomerMap.Load();

    private static DataRecord Customer(params object?[] overrides)
    {
        object?[] fields =
        {
            "CustomerAccount", "US-001",
            "OrganizationName", "Contoso",
            "CustomerGroupId", "10",
            "SalesCurrencyCode", "USD",
            "CreditLimit", 1500.25m,
            "CreditLimitIsMandatory", "Yes",
            "OnHoldStatus", "No",
            "SalesMemo", "",
            "DeliveryAddressLatitude", 47.6m,
        };
        var record = TestRecords.Of("usmf", fields);
        for (var i = 0; i < overrides.Length; i += 2)
        {
            record = record.With((string)overrides[i]!, TestRecords.ToValue(overrides[i + 1]));
        }

        return record;
    }

    private static ResolvedLookups CompanyResolved() => new ResolvedLookups().AddId("cdm_companies(cdm_companycode='USMF')", UsmfId);

    [Fact]
    public void A_customer_becomes_an_account_payload_in_map_order_with_the_company_first()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer(), resolved: CompanyResolved()));

        Assert.Empty(result.Errors);
        Assert.Equal(
            new[]
            {
                "msdyn_company@odata.bind = /cdm_companies(cdm_companycode='USMF')",
                "accountnumber = US-001",
                "name = Contoso",
                "msdyn_customergroupid@odata.bind = /msdyn_customergroups(msdyn_groupid='10',_msdyn_company_value=11111111-2222-3333-4444-555555555555)",
                "transactioncurrencyid@odata.bind = /transactioncurrencies(isocurrencycode='USD')",
                "creditlimit = 1500.25",
                "msdyn_creditlimitismandatory = true",
                "msdyn_onholdstatus = 192350000",
                "description = null",
                "address1_latitude = 47.6",
                "customertypecode = 3",
            },
            result.Lines());
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void Money_is_marked_as_money_for_the_web_api()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer(), resolved: CompanyResolved()));

        var creditLimit = Assert.Single(result.Payload, p => p.Name == "creditlimit");
        Assert.Equal(RecordValueKind.Money, creditLimit.Value.Kind);
        Assert.Equal(FieldType.Money, creditLimit.Type);
    }

    [Fact]
    public void The_account_key_uses_the_company_id_which_the_first_pass_asks_for()
    {
        var first = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer()));

        var company = Assert.Single(first.LookupsToResolve);
        Assert.Equal(LookupResolutionKind.FindId, company.Kind);
        Assert.Equal("cdm_companies(cdm_companycode='USMF')", company.Path);
        Assert.False(first.IsComplete);
        Assert.False(first.TargetKey!.IsAddressable);
        Assert.Equal("USMF/US-001", first.TargetKey.ToString());
        Assert.DoesNotContain(first.Payload, p => p.Name.StartsWith("msdyn_customergroupid", StringComparison.Ordinal));

        var second = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer(), resolved: new ResolvedLookups().AddId(company.Path, UsmfId)));

        Assert.Empty(second.LookupsToResolve);
        Assert.Equal("accounts(_msdyn_company_value=11111111-2222-3333-4444-555555555555,accountnumber='US-001')", second.TargetKey!.Path);
        Assert.True(second.IsComplete);
    }

    [Fact]
    public void A_global_lookup_binds_by_its_code_alone()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer("SalesCurrencyCode", "EUR")));

        Assert.Contains("transactioncurrencyid@odata.bind = /transactioncurrencies(isocurrencycode='EUR')", result.Lines());
    }

    [Fact]
    public void An_empty_FinOps_code_clears_the_Dataverse_lookup()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer("CustomerGroupId", ""), resolved: CompanyResolved()));

        Assert.Contains("msdyn_customergroupid@odata.bind = null", result.Lines());
    }

    [Fact]
    public void A_code_Dataverse_refuses_in_a_key_url_is_bound_by_id_after_a_query()
    {
        var first = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer("CustomerGroupId", "A/B"), resolved: CompanyResolved()));

        var group = Assert.Single(first.LookupsToResolve);
        Assert.Equal("msdyn_groupid", group.KeyField);
        Assert.Equal("(msdyn_groupid='A/B',_msdyn_company_value=11111111-2222-3333-4444-555555555555)", group.Key!.ToString());

        var groupId = Guid.Parse("99999999-0000-0000-0000-000000000001");
        var second = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer("CustomerGroupId", "A/B"), resolved: CompanyResolved().AddId(group.Path, groupId)));

        Assert.Contains("msdyn_customergroupid@odata.bind = /msdyn_customergroups(99999999-0000-0000-0000-000000000001)", second.Lines());
    }

    [Fact]
    public void An_account_number_Dataverse_refuses_in_a_url_marks_the_key_for_a_query()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer("CustomerAccount", "US/001"), resolved: CompanyResolved()));

        Assert.True(result.TargetKey!.IsAddressable);
        Assert.False(result.TargetKey.IsUsableInUrl);
    }

    [Fact]
    public void The_company_comes_from_dataAreaId_when_the_record_does_not_name_it()
    {
        var record = TestRecords.Of(null, "dataAreaId", "usmf", "CustomerAccount", "US-001", "CreditLimitIsMandatory", "No", "OnHoldStatus", "No");

        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, record, resolved: CompanyResolved()));

        Assert.Empty(result.Errors);
        Assert.Equal("msdyn_company@odata.bind = /cdm_companies(cdm_companycode='USMF')", result.Lines()[0]);
    }

    [Fact]
    public void A_company_specific_record_without_a_company_is_an_error()
    {
        var record = TestRecords.Of(null, "CustomerAccount", "US-001", "CreditLimitIsMandatory", "No", "OnHoldStatus", "No");

        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, record));

        Assert.Equal("Map 'Customers V3': field dataAreaId for key ?/US-001 has no company, and the map is company-specific.", Assert.Single(result.Errors).ToString());
        Assert.Null(result.TargetKey);
    }

    [Fact]
    public void An_FinOps_value_without_a_value_map_entry_is_an_error_naming_map_field_key_and_value()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer("CreditLimitIsMandatory", "Maybe"), resolved: CompanyResolved()));

        Assert.Equal(
            "Map 'Customers V3': field CreditLimitIsMandatory value 'Maybe' for key usmf/US-001 has no entry in the value map.",
            Assert.Single(result.Errors).ToString());
        var error = result.Errors[0];
        Assert.Equal(("Customers V3", "CreditLimitIsMandatory", "usmf/US-001", "Maybe"), (error.Map, error.Field, error.Key, error.Value));
        Assert.DoesNotContain(result.Payload, p => p.Name == "msdyn_creditlimitismandatory");
    }

    [Fact]
    public void Every_error_in_a_record_is_reported_at_once()
    {
        var record = Customer("CreditLimitIsMandatory", "Maybe", "OnHoldStatus", "Invoice", "CreditLimit", "lots", "DeliveryAddressLatitude", true);

        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, record, resolved: CompanyResolved()));

        Assert.Equal(
            new[]
            {
                "Map 'Customers V3': field CreditLimit value 'lots' for key usmf/US-001 holds a string where the map declares decimal.",
                "Map 'Customers V3': field CreditLimitIsMandatory value 'Maybe' for key usmf/US-001 has no entry in the value map.",
                "Map 'Customers V3': field OnHoldStatus value 'Invoice' for key usmf/US-001 has no entry in the value map.",
                "Map 'Customers V3': field DeliveryAddressLatitude value 'true' for key usmf/US-001 holds a bool where the map declares decimal.",
            },
            result.ErrorSentences());
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void A_missing_key_value_is_an_error_and_leaves_no_target_key()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer("CustomerAccount", ""), resolved: CompanyResolved()));

        Assert.Equal("Map 'Customers V3': field CustomerAccount for key usmf/ is part of the key and has no value.", Assert.Single(result.Errors).ToString());
        Assert.Null(result.TargetKey);
    }

    [Fact]
    public void A_constant_is_written_whatever_the_source_holds()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Customer(), resolved: CompanyResolved()));

        var constant = Assert.Single(result.Payload, p => p.Name == "customertypecode");
        Assert.Equal(RecordValue.FromInteger(3), constant.Value);
        Assert.Equal(FieldType.Choice, constant.Type);
    }

    [Fact]
    public void A_map_cannot_be_asked_to_map_a_way_it_does_not_run()
    {
        var oneWay = new TableMap(1, "One way", null, MapDirection.FinOpsToDataverse, ConflictPolicy.FinOpsWins, Map.FinOps, Map.Dataverse, Map.Company, Map.Fields);

        Assert.Throws<ArgumentException>(() => new MappingRequest(oneWay, SyncDirection.DataverseToFinOps, Customer()));
    }
}
