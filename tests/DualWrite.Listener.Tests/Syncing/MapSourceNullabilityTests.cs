using System;
using System.IO;
using DualWrite.Listener.Syncing;

namespace DualWrite.Listener.Tests.Syncing;

/// <summary>
/// The listener reads which F&amp;O properties take no null from the same metadata the plug-in's steps are generated
/// from: <c>&lt;maps&gt;/metadata/fno.xml</c> beside a maps folder, else the standard file embedded with the standard maps.
/// </summary>
public sealed class MapSourceNullabilityTests : IDisposable
{
    private const string MapJson = """
        {
          "schemaVersion": 1,
          "name": "Customers",
          "direction": "TwoWay",
          "finOps": { "entitySet": "CustomersV3", "key": ["CustomerAccount"] },
          "dataverse": { "entitySet": "accounts", "logicalName": "account", "key": ["accountnumber"] },
          "fields": [
            { "finOps": "CustomerAccount", "dataverse": "accountnumber" },
            { "finOps": "CreditLimit", "dataverse": "creditlimit", "finOpsType": "decimal", "dataverseType": "money" }
          ]
        }
        """;

    private const string Csdl = """
        <edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
          <edmx:DataServices>
            <Schema Namespace="Test" xmlns="http://docs.oasis-open.org/odata/ns/edm">
              <EntityType Name="Customer">
                <Property Name="CustomerAccount" Type="Edm.String" Nullable="false" />
                <Property Name="CreditLimit" Type="Edm.Decimal" Nullable="false" />
                <Property Name="SalesMemo" Type="Edm.String" />
              </EntityType>
              <EntityContainer Name="Container">
                <EntitySet Name="CustomersV3" EntityType="Test.Customer" />
              </EntityContainer>
            </Schema>
          </edmx:DataServices>
        </edmx:Edmx>
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dualwrite-maps-" + Guid.NewGuid().ToString("N"));

    public MapSourceNullabilityTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "customers.json"), MapJson);
    }

    [Fact]
    public void The_embedded_standard_maps_know_the_FinOps_properties_that_take_no_null()
    {
        var catalog = MapSource.LoadCatalog(null);

        var notNullable = catalog.FinOpsNotNullable(catalog.ForFinOpsEntitySet("CustomersV3")!);

        Assert.NotNull(notNullable);
        Assert.Contains("CreditLimit", notNullable);
        Assert.Contains("OnHoldStatus", notNullable);
        Assert.Contains("OrganizationNumberOfEmployees", notNullable);
    }

    [Fact]
    public void A_maps_folder_uses_the_metadata_beside_it()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "metadata"));
        File.WriteAllText(Path.Combine(_folder, "metadata", "fno.xml"), Csdl);

        var catalog = MapSource.LoadCatalog(_folder);

        Assert.Equal(["CustomerAccount", "CreditLimit"], catalog.FinOpsNotNullable(catalog.ForFinOpsEntitySet("CustomersV3")!));
    }

    [Fact]
    public void A_maps_folder_without_metadata_leaves_nullability_unknown()
    {
        var catalog = MapSource.LoadCatalog(_folder);

        Assert.Null(catalog.FinOpsNotNullable(catalog.ForFinOpsEntitySet("CustomersV3")!));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
