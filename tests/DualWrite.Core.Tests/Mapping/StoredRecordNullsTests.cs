using System.Linq;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Core.Records;

namespace DualWrite.Core.Tests.Mapping;

/// <summary>
/// A whole stored record written back (the listener carrying Dataverse's record to F&amp;O): an empty column whose
/// target property takes no null is one nobody filled in, handled as a form's left-out column (the map's default on
/// create, else left out), never sent empty and never an error. A nullable property still receives its empty value.
/// </summary>
public class StoredRecordNullsTests
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
            { "finOps": "OrganizationNumberOfEmployees", "dataverse": "numberofemployees", "finOpsType": "int", "dataverseType": "int" },
            { "finOps": "CustomerGroupId", "dataverse": "msdyn_groupcode", "default": "10" },
            { "finOps": "CreditRating", "dataverse": "msdyn_creditrating" }
          ]
        }
        """;

    private static readonly string[] NotNullable = ["CustomerAccount", "CreditLimit", "OrganizationNumberOfEmployees", "CustomerGroupId"];

    private static readonly TableMap Map = Load();

    private static TableMap Load()
    {
        var result = MapLoader.Load(CustomersJson, "customers.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Map!;
    }

    private static DataRecord Stored() => TestRecords.Of(
        null, "accountnumber", "MIN-001", "name", "Minimal", "creditlimit", null, "numberofemployees", null, "msdyn_groupcode", null, "msdyn_creditrating", null);

    private static MappingResult WriteBack(SyncOperation operation) =>
        MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, Stored(), operation, notNullableTargetFields: NotNullable, emptyNotNullableIsUnfilled: true));

    [Theory]
    [InlineData(SyncOperation.Create)]
    [InlineData(SyncOperation.Update)]
    public void Empty_not_nullable_columns_of_a_stored_record_are_left_out_without_an_error(SyncOperation operation)
    {
        var result = WriteBack(operation);

        Assert.Empty(result.Errors);
        Assert.DoesNotContain(result.Payload, p => p.Name is "CreditLimit" or "OrganizationNumberOfEmployees");
        Assert.DoesNotContain(result.Payload, p => p.Value.IsNull && Enumerable.Contains(NotNullable, p.Name));
    }

    [Fact]
    public void A_create_gives_an_empty_not_nullable_column_the_map_default_as_a_form_create_does()
    {
        Assert.Contains("CustomerGroupId = 10", WriteBack(SyncOperation.Create).Lines());
    }

    [Fact]
    public void An_update_never_fills_a_default_over_the_value_the_target_holds()
    {
        Assert.DoesNotContain(WriteBack(SyncOperation.Update).Payload, p => p.Name == "CustomerGroupId");
    }

    [Fact]
    public void A_nullable_target_property_still_receives_its_empty_value()
    {
        Assert.Contains(WriteBack(SyncOperation.Update).Payload, p => p.Name == "CreditRating");
    }

    [Fact]
    public void Filled_in_values_are_written_as_usual()
    {
        var source = TestRecords.Of(null, "accountnumber", "MIN-001", "creditlimit", 250m, "numberofemployees", 12);

        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, source, SyncOperation.Update, notNullableTargetFields: NotNullable, emptyNotNullableIsUnfilled: true));

        Assert.Empty(result.Errors);
        Assert.Contains(result.Payload, p => p.Name == "CreditLimit" && !p.Value.IsNull);
        Assert.Contains(result.Payload, p => p.Name == "OrganizationNumberOfEmployees" && !p.Value.IsNull);
    }

    [Fact]
    public void Without_the_flag_a_saved_null_stays_the_plug_ins_error()
    {
        var result = MappingEngine.Map(new MappingRequest(Map, SyncDirection.DataverseToFinOps, Stored(), SyncOperation.Create, notNullableTargetFields: NotNullable));

        Assert.Contains(result.Errors, e => e.Field == "creditlimit");
    }
}
