using System.Linq;
using System.Net;
using System.Threading.Tasks;
using System.Xml.Linq;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Tests.Support;
using DualWrite.Emulators.FinOps.Validation;

namespace DualWrite.Emulators.FinOps.Tests.Schema;

public sealed class FinOpsSchemaTests
{
    [Fact]
    public void The_schema_has_every_entity_set_of_the_shared_fno_metadata()
    {
        var names = FinOpsSchema.Standard.EntitySets.Select(s => s.Name).ToList();

        Assert.Equal(
            new[] { "LegalEntities", "Currencies", "CustomerGroups", "CustomersV3", "VendorsV2", "CDSContactPersonsV2", "CDSReleasedDistinctProducts", "SalesOrderHeadersV2", "SalesOrderLines" },
            names);
    }

    [Fact]
    public void Company_specific_entities_are_keyed_by_dataAreaId_first()
    {
        var customers = FinOpsSchema.Standard.Get("CustomersV3");

        Assert.Equal(new[] { "dataAreaId", "CustomerAccount" }, customers.KeyFields.Select(k => k.Name));
        Assert.True(customers.IsCompanySpecific);
        Assert.False(FinOpsSchema.Standard.Get("Currencies").IsCompanySpecific);
    }

    [Fact]
    public void Required_fields_enums_and_computed_keys_come_from_the_csdl()
    {
        var customers = FinOpsSchema.Standard.Get("CustomersV3");
        var lines = FinOpsSchema.Standard.Get("SalesOrderLines");

        Assert.True(customers.GetField("CustomerGroupId").IsRequired);
        Assert.False(customers.GetField("OrganizationName").IsRequired);
        Assert.Equal(FieldKind.Enum, customers.GetField("OnHoldStatus").Kind);
        Assert.Equal("Microsoft.Dynamics.DataEntities.CustVendorBlocked", customers.GetField("OnHoldStatus").EnumTypeName);
        Assert.True(lines.GetField("InventoryLotId").IsComputed);
        Assert.Equal(20, customers.GetField("CustomerAccount").MaxLength);
    }

    [Fact]
    public void Every_reference_rule_names_fields_and_keys_the_schema_has()
    {
        Assert.Empty(ReferenceRules.Check(ReferenceRules.Standard, FinOpsSchema.Standard));
    }

    [Fact]
    public async Task The_metadata_endpoint_serves_the_model_with_its_namespace_sets_and_enums()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        using var response = await harness.Http.GetAsync("$metadata");
        var csdl = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        XNamespace edm = "http://docs.oasis-open.org/odata/ns/edm";
        var schema = csdl.Descendants(edm + "Schema").Single();
        Assert.Equal("Microsoft.Dynamics.DataEntities", schema.Attribute("Namespace")!.Value);
        Assert.Contains(schema.Elements(edm + "EnumType"), e => e.Attribute("Name")!.Value == "NoYes");
        Assert.Equal(9, csdl.Descendants(edm + "EntitySet").Count());
    }
}
