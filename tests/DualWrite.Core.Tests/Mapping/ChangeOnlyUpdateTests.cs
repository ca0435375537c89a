using System;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Tests.Mapping;

public class ChangeOnlyUpdateTests
{
    private static readonly TableMap Map = CustomerMap.Load();
    private static readonly ResolvedLookups Usmf = new ResolvedLookups().AddId("cdm_companies(cdm_companycode='USMF')", Guid.Parse("11111111-2222-3333-4444-555555555555"));

    private static DataRecord Before() => TestRecords.Of(
        "usmf",
        "CustomerAccount", "US-001",
        "OrganizationName", "Contoso",
        "CustomerGroupId", "10",
        "CreditLimit", 1500m,
        "CreditLimitIsMandatory", "No",
        "OnHoldStatus", "No",
        "SalesMemo", "");

    [Fact]
    public void An_update_with_the_previous_values_writes_only_the_fields_that_changed()
    {
        var after = Before().With("CreditLimit", RecordValue.FromDecimal(2000m)).With("CustomerGroupId", RecordValue.FromString("20"));

        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, after, SyncOperation.Update, previousSource: Before(), resolved: Usmf));

        Assert.Equal(
            new[]
            {
                "msdyn_customergroupid@odata.bind = /msdyn_customergroups(msdyn_groupid='20',_msdyn_company_value=11111111-2222-3333-4444-555555555555)",
                "creditlimit = 2000",
            },
            result.Lines());
        Assert.Equal("accounts(_msdyn_company_value=11111111-2222-3333-4444-555555555555,accountnumber='US-001')", result.TargetKey!.Path);
    }

    [Fact]
    public void An_update_without_previous_values_writes_every_mapped_field_but_not_the_key()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Before(), SyncOperation.Update, resolved: Usmf));

        Assert.DoesNotContain(result.Payload, p => p.Name == "accountnumber" || p.Name.StartsWith("msdyn_company@", StringComparison.Ordinal));
        Assert.Contains("name = Contoso", result.Lines());
        Assert.Contains("customertypecode = 3", result.Lines());
    }

    [Fact]
    public void A_constant_is_not_rewritten_when_the_previous_values_are_known()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Before(), SyncOperation.Update, previousSource: Before(), resolved: Usmf));

        Assert.Empty(result.Payload);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void Fields_a_partial_update_record_does_not_carry_are_left_alone()
    {
        var partial = TestRecords.Of("usmf", "CustomerAccount", "US-001", "SalesMemo", "Call before delivery");

        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, partial, SyncOperation.Update, resolved: Usmf));

        Assert.Equal(new[] { "description = Call before delivery", "customertypecode = 3" }, result.Lines());
    }

    [Fact]
    public void A_partial_update_record_without_its_key_is_an_error()
    {
        var partial = TestRecords.Of("usmf", "SalesMemo", "Call before delivery");

        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, partial, SyncOperation.Update, resolved: Usmf));

        Assert.Equal("Map 'Customers V3': field CustomerAccount for key usmf/? is part of the key, and the source record does not carry it.", Assert.Single(result.Errors).ToString());
        Assert.Null(result.TargetKey);
    }

    [Fact]
    public void Fields_the_target_already_holds_are_left_out_so_an_echo_writes_nothing()
    {
        var current = TestRecords.Of(
            "USMF",
            "accountnumber", "US-001",
            "name", "Contoso",
            "msdyn_customergroupid", new LookupValue("msdyn_customergroup", Guid.NewGuid(), "10"),
            "creditlimit", RecordValue.FromMoney(1500m),
            "msdyn_creditlimitismandatory", false,
            "msdyn_onholdstatus", 192350000,
            "description", null,
            "customertypecode", 3);

        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Before(), SyncOperation.Update, currentTarget: current, resolved: Usmf));

        Assert.Empty(result.Payload);
    }

    [Fact]
    public void A_lookup_the_target_holds_by_id_is_compared_by_the_resolved_id()
    {
        var groupId = Guid.Parse("33333333-0000-0000-0000-000000000010");
        var path = "msdyn_customergroups(msdyn_groupid='10',_msdyn_company_value=11111111-2222-3333-4444-555555555555)";
        var resolved = new ResolvedLookups().AddId("cdm_companies(cdm_companycode='USMF')", Guid.Parse("11111111-2222-3333-4444-555555555555")).AddId(path, groupId);
        var same = TestRecords.Of("USMF", "msdyn_customergroupid", LookupValue.ById("msdyn_customergroup", groupId));
        var other = TestRecords.Of("USMF", "msdyn_customergroupid", LookupValue.ById("msdyn_customergroup", Guid.NewGuid()));

        var unchanged = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Before(), SyncOperation.Update, currentTarget: same, resolved: resolved));
        var changed = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, Before(), SyncOperation.Update, currentTarget: other, resolved: resolved));

        Assert.DoesNotContain(unchanged.Payload, p => p.Name.StartsWith("msdyn_customergroupid", StringComparison.Ordinal));
        Assert.Contains(changed.Payload, p => p.Name.StartsWith("msdyn_customergroupid", StringComparison.Ordinal));
    }

    [Fact]
    public void A_one_sided_default_is_written_on_create_and_never_on_update()
    {
        var account = TestRecords.Of("USMF", "accountnumber", "US-001", "name", "Contoso");

        var created = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, account, SyncOperation.Create));
        var updated = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, account, SyncOperation.Update));

        Assert.Contains("LanguageId = en-us", created.Lines());
        Assert.DoesNotContain(updated.Payload, p => p.Name == "LanguageId");
    }

    [Fact]
    public void The_company_is_written_on_create_only_because_it_is_read_only_once_set()
    {
        var account = TestRecords.Of("USMF", "accountnumber", "US-001");

        var created = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, account, SyncOperation.Create));
        var updated = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, account, SyncOperation.Update));

        Assert.Equal("dataAreaId = usmf", created.Lines()[0]);
        Assert.DoesNotContain(updated.Payload, p => p.Name == "dataAreaId");
        Assert.Equal("CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", updated.TargetKey!.Path);
    }
}
