using System;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Core.Records;

namespace DualWrite.Core.Tests.Mapping;

public class DefaultsAndGlobalMapTests
{
    private const string VendorsJson = """
        {
          "schemaVersion": 1,
          "name": "Vendors",
          "direction": "TwoWay",
          "finOps": { "entitySet": "VendorsV2", "key": ["VendorAccountNumber"] },
          "dataverse": { "entitySet": "msdyn_vendors", "logicalName": "msdyn_vendor", "key": ["msdyn_vendoraccountnumber"] },
          "fields": [
            { "finOps": "VendorAccountNumber", "dataverse": "msdyn_vendoraccountnumber" },
            { "finOps": "CurrencyCode", "dataverse": "msdyn_currencycode", "default": "USD" },
            { "finOps": "VendorType", "dataverse": "msdyn_vendortype", "finOpsType": "enum", "dataverseType": "choice",
              "valueMap": { "entries": [ { "finOps": "Organization", "dataverse": 1 }, { "finOps": "Person", "dataverse": 2 } ],
                            "default": { "dataverse": 1, "finOps": "Organization" } } },
            { "finOps": "PaymentDate", "dataverse": "msdyn_paymentdate", "type": "date" },
            { "finOps": "Code", "dataverse": "msdyn_code", "transforms": [ { "kind": "trim" }, { "kind": "upper", "direction": "DataverseToFinOps" } ] }
          ]
        }
        """;

    private static readonly TableMap Map = Load();

    private static TableMap Load()
    {
        var result = MapLoader.Load(VendorsJson, "vendors.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Map!;
    }

    [Fact]
    public void A_field_default_is_written_when_the_source_has_no_value_in_either_direction()
    {
        var toDataverse = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, TestRecords.Of(null, "VendorAccountNumber", "V-1", "CurrencyCode", "")));
        var toFinOps = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, TestRecords.Of(null, "msdyn_vendoraccountnumber", "V-1", "msdyn_currencycode", null)));

        Assert.Contains("msdyn_currencycode = USD", toDataverse.Lines());
        Assert.Contains("CurrencyCode = USD", toFinOps.Lines());
    }

    [Fact]
    public void A_value_map_default_stands_in_for_a_value_without_an_entry()
    {
        var toDataverse = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, TestRecords.Of(null, "VendorAccountNumber", "V-1", "VendorType", "Government")));
        var toFinOps = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, TestRecords.Of(null, "msdyn_vendoraccountnumber", "V-1", "msdyn_vendortype", 9)));

        Assert.Empty(toDataverse.Errors);
        Assert.Contains("msdyn_vendortype = 1", toDataverse.Lines());
        Assert.Contains("VendorType = Organization", toFinOps.Lines());
    }

    [Fact]
    public void Defaults_are_reported_as_making_two_way_fields_not_invertible()
    {
        var flagged = Map.NonInvertibleTwoWayFields();

        Assert.Equal(new[] { "CurrencyCode", "VendorType", "Code" }, Array.ConvertAll(System.Linq.Enumerable.ToArray(flagged), f => f.Key.FinOpsField));
        Assert.Equal("a null source value becomes the default USD", flagged[0].Value[0]);
        Assert.Equal("the value map's default stands in for values without an entry", flagged[1].Value[0]);
    }

    [Fact]
    public void A_global_map_is_keyed_without_a_company_and_needs_no_lookup_to_address_the_target()
    {
        var toDataverse = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, TestRecords.Of(null, "VendorAccountNumber", "V-1")));
        var toFinOps = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, TestRecords.Of(null, "msdyn_vendoraccountnumber", "V-1")));

        Assert.Equal("msdyn_vendors(msdyn_vendoraccountnumber='V-1')", toDataverse.TargetKey!.Path);
        Assert.Equal("VendorsV2(VendorAccountNumber='V-1')", toFinOps.TargetKey!.Path);
        Assert.True(toDataverse.IsComplete);
        Assert.DoesNotContain(toDataverse.Payload, p => p.Name.StartsWith("msdyn_company", StringComparison.Ordinal));
    }

    [Fact]
    public void An_FinOps_date_keeps_its_day_on_the_way_to_a_Dataverse_date()
    {
        var noon = new DateTime(2026, 3, 31, 12, 0, 0, DateTimeKind.Utc);

        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, TestRecords.Of(null, "VendorAccountNumber", "V-1", "PaymentDate", noon)));

        var date = Assert.Single(result.Payload, p => p.Name == "msdyn_paymentdate");
        Assert.Equal(RecordValue.FromDateTime(new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc)), date.Value);
        Assert.Equal(FieldType.Date, date.Type);
    }

    [Fact]
    public void String_transforms_apply_in_the_directions_the_map_gives_them()
    {
        var toDataverse = MappingEngine.Map(new MappingRequest(Map, SyncDirection.FinOpsToDataverse, TestRecords.Of(null, "VendorAccountNumber", "V-1", "Code", " abc ")));
        var toFinOps = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, TestRecords.Of(null, "msdyn_vendoraccountnumber", "V-1", "msdyn_code", " abc ")));

        Assert.Contains("msdyn_code = abc", toDataverse.Lines());
        Assert.Contains("Code = ABC", toFinOps.Lines());
    }
}
