using System.Linq;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Core.Records;

namespace DualWrite.Core.Tests.Mapping;

/// <summary>
/// A create as a form sends it: only the columns someone filled in. What is absent stays out of the payload
/// (the target applies its own defaults) unless the map gives a default; an explicit empty value for a
/// target field that does not accept null is an error naming the map, the column and the target property.
/// </summary>
public class PartialCreateTests
{
    private const string CustomersJson = """
        {
          "schemaVersion": 1,
          "name": "Customers",
          "direction": "TwoWay",
          "finOps": { "entitySet": "CustomersV3", "key": ["CustomerAccount"] },
          "dataverse": { "entitySet": "accounts", "logicalName": "account", "key": ["accountnumber"] },
          "fields": [
            { "finOps": "CustomerAccount", "dataverse": "accountnumber" },
            { "finOps": "OrganizationName", "dataverse": "name" },
            { "finOps": "CreditLimit", "dataverse": "creditlimit", "finOpsType": "decimal", "dataverseType": "money" },
            { "finOps": "CustomerGroupId", "dataverse": "msdyn_groupcode", "default": "10" },
            { "finOps": "CreditRating", "dataverse": "msdyn_creditrating" },
            { "finOps": "LanguageId", "direction": "DataverseToFinOps", "default": "en-us" }
          ]
        }
        """;

    private static readonly TableMap Map = Load();

    private static readonly string[] NotNullable = ["CustomerAccount", "CreditLimit", "CustomerGroupId"];

    private static TableMap Load()
    {
        var result = MapLoader.Load(CustomersJson, "customers.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Map!;
    }

    private static MappingResult Create(DataRecord source) =>
        MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, source, SyncOperation.Create, notNullableTargetFields: NotNullable));

    [Fact]
    public void A_create_leaves_out_every_column_the_source_does_not_carry()
    {
        var result = Create(TestRecords.Of(null, "accountnumber", "MIN-001", "name", "Minimal"));

        Assert.Empty(result.Errors);
        Assert.DoesNotContain(result.Payload, p => p.Name is "CreditLimit" or "CreditRating");
    }

    [Fact]
    public void A_create_fills_a_map_default_for_a_column_the_source_does_not_carry_and_the_one_sided_defaults()
    {
        var result = Create(TestRecords.Of(null, "accountnumber", "MIN-001", "name", "Minimal"));

        Assert.Contains("CustomerGroupId = 10", result.Lines());
        Assert.Contains("LanguageId = en-us", result.Lines());
    }

    [Fact]
    public void A_value_the_source_gives_wins_over_the_map_default()
    {
        var result = Create(TestRecords.Of(null, "accountnumber", "MIN-001", "msdyn_groupcode", "30"));

        Assert.Contains("CustomerGroupId = 30", result.Lines());
    }

    [Fact]
    public void An_explicit_null_for_a_not_nullable_target_property_is_an_error_naming_map_column_and_property()
    {
        var result = Create(TestRecords.Of(null, "accountnumber", "MIN-001", "creditlimit", null));

        var error = Assert.Single(result.Errors);
        Assert.Equal("creditlimit", error.Field);
        Assert.Equal(
            "Map 'Customers': field creditlimit for key MIN-001 is empty, and F&O's CustomersV3.CreditLimit does not accept an empty value: fill it in, or give the map's field a default.",
            error.ToString());
        Assert.DoesNotContain(result.Payload, p => p.Name == "CreditLimit");
    }

    [Fact]
    public void An_explicit_null_for_a_nullable_target_property_is_written_as_empty()
    {
        var result = Create(TestRecords.Of(null, "accountnumber", "MIN-001", "msdyn_creditrating", null));

        Assert.Empty(result.Errors);
        Assert.Contains(result.Payload, p => p.Name == "CreditRating");
    }

    [Fact]
    public void An_explicit_null_where_the_map_has_a_default_takes_the_default_instead_of_failing()
    {
        var result = Create(TestRecords.Of(null, "accountnumber", "MIN-001", "msdyn_groupcode", null));

        Assert.Empty(result.Errors);
        Assert.Contains("CustomerGroupId = 10", result.Lines());
    }

    [Fact]
    public void An_update_that_clears_a_not_nullable_target_property_is_refused_too()
    {
        var previous = TestRecords.Of(null, "accountnumber", "MIN-001", "creditlimit", 100m);
        var source = TestRecords.Of(null, "accountnumber", "MIN-001", "creditlimit", null);

        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, source, SyncOperation.Update, previous, notNullableTargetFields: NotNullable));

        Assert.Equal(["creditlimit"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Without_known_nullability_an_explicit_null_is_sent_and_the_target_judges()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, TestRecords.Of(null, "accountnumber", "MIN-001", "creditlimit", null)));

        Assert.Empty(result.Errors);
        Assert.Contains(result.Payload, p => p.Name == "CreditLimit" && p.Value.IsNull);
    }
}
