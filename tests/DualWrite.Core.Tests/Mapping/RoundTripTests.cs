using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Tests.Mapping;

/// <summary>F&amp;O → Dataverse → F&amp;O (and the reverse) gives back every two-way field unchanged.</summary>
public class RoundTripTests
{
    private static readonly TableMap Map = CustomerMap.Load();
    private static readonly ResolvedLookups Usmf = new ResolvedLookups().AddId("cdm_companies(cdm_companycode='USMF')", Guid.Parse("11111111-2222-3333-4444-555555555555"));

    [Fact]
    public void FinOps_to_Dataverse_and_back_is_the_identity_on_every_two_way_field()
    {
        var customer = TestRecords.Of(
            "usmf",
            "CustomerAccount", "US-001",
            "OrganizationName", "O'Neil & Sons",
            "CustomerGroupId", "10",
            "SalesCurrencyCode", "USD",
            "CreditLimit", 1500.25m,
            "CreditLimitIsMandatory", "Yes",
            "OnHoldStatus", "All",
            "SalesMemo", "");

        var account = ToRecord(MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, customer, resolved: Usmf)), "USMF");
        var back = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, account));

        Assert.Empty(back.Errors);
        foreach (var field in Map.Fields.Where(f => f.Direction == MapDirection.TwoWay))
        {
            Assert.Equal(customer[field.FinOpsField!], back.Payload.Single(p => p.Name == field.FinOpsField).Value);
        }
    }

    [Fact]
    public void Dataverse_to_FinOps_and_back_is_the_identity_on_every_two_way_field()
    {
        var account = TestRecords.Of(
            "USMF",
            "accountnumber", "US-002",
            "name", "Fabrikam",
            "msdyn_customergroupid", LookupValue.ByKey("msdyn_customergroup", "20"),
            "transactioncurrencyid", LookupValue.ByKey("transactioncurrency", "EUR"),
            "creditlimit", RecordValue.FromMoney(99.5m),
            "msdyn_creditlimitismandatory", false,
            "msdyn_onholdstatus", 192350000,
            "description", null);

        var customer = ToRecord(MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, account)), "usmf");
        var back = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, customer, resolved: Usmf));

        Assert.Empty(back.Errors);
        foreach (var field in Map.Fields.Where(f => f.Direction == MapDirection.TwoWay))
        {
            var written = back.Payload.Single(p => p.Field == field);
            var expected = account[field.DataverseField!]!;
            if (written.IsBind)
            {
                expected.TryGetLookup(out var lookup);
                Assert.Equal(lookup.KeyValue, written.Reference!.KeyValue);
            }
            else
            {
                Assert.Equal(expected, written.Value);
            }
        }
    }

    /// <summary>What the other side would read back: the payload as a record (a bind becomes a lookup by code).</summary>
    private static DataRecord ToRecord(MappingResult result, string company)
    {
        Assert.Empty(result.Errors);
        var fields = new List<KeyValuePair<string, RecordValue>>();
        foreach (var property in result.Payload.Where(p => p.Field is not null))
        {
            var name = property.Field!.TargetField(result.Direction)!;
            var value = property.IsBind ? RecordValue.FromLookup(property.Reference) : property.Value;
            fields.Add(new KeyValuePair<string, RecordValue>(name, value));
        }

        return new DataRecord(fields, company);
    }
}
