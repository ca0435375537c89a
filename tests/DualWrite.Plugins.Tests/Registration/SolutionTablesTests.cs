using System.Linq;
using System.Xml.Linq;
using DualWrite.Core.Pausing;
using DualWrite.Emulators.Dataverse.Schema;
using DualWrite.MapValidation.Validation;
using DualWrite.Plugins.Registration;
using DualWrite.Plugins.Registration.Tables;
using DualWrite.TestSupport;

namespace DualWrite.Plugins.Tests.Registration;

/// <summary>The solution declares the tables the plug-in and the listener share, as the emulator knows them.</summary>
public sealed class SolutionTablesTests
{
    private static readonly System.Collections.Generic.SortedDictionary<string, string> Files =
        SolutionGenerator.Generate(MapFile.ReadDirectory(RepositoryPaths.Maps), SolutionGenerator.ReadFinOpsMetadata(RepositoryPaths.Maps));

    [Fact]
    public void The_map_state_table_is_declared_with_its_columns_and_the_name_as_alternate_key()
    {
        var entity = XDocument.Parse(Files["Entities/dw_mapstate/Entity.xml"]).Root!.Element("EntityInfo")!.Element("entity")!;

        Assert.Equal(MapStateTable.EntitySet, entity.Element("EntitySetName")!.Value);
        Assert.Equal("OrgOwned", entity.Element("OwnershipTypeMask")!.Value);
        var columns = entity.Element("attributes")!.Elements("attribute").Select(a => a.Element("LogicalName")!.Value).ToList();
        Assert.Equal([MapStateTable.Id, MapStateTable.Name, MapStateTable.State, MapStateTable.Reason, MapStateTable.ChangedOn, MapStateTable.HasQueuedChanges], columns);
        var key = entity.Element("EntityKeys")!.Element("EntityKey")!;
        Assert.Equal(MapStateTable.NameKey, key.Element("LogicalName")!.Value);
        Assert.Equal([MapStateTable.Name], key.Element("EntityKeyAttributes")!.Elements("AttributeName").Select(a => a.Value));
    }

    [Fact]
    public void Every_shared_table_is_a_root_component_of_the_solution()
    {
        var manifest = XDocument.Parse(Files["Other/Solution.xml"]);
        var tables = manifest.Descendants("RootComponent").Where(c => (string?)c.Attribute("type") == "1").Select(c => (string)c.Attribute("schemaName")!);

        Assert.Equal(["dw_writethrough", "dw_mapstate", "dw_queuedchange"], tables);
    }

    [Fact]
    public void The_emulators_metadata_has_the_same_tables_and_columns_as_the_solution()
    {
        var schema = CsdlSchemaReader.ReadDefault();

        foreach (var table in DualWriteTables.All)
        {
            Assert.True(schema.TryGetTable(table.LogicalName, out var known), table.LogicalName + " is missing from Shared/maps/metadata/dataverse.xml");
            Assert.Equal(table.EntitySet, known.EntitySetName);
            foreach (var column in table.Columns)
            {
                Assert.Contains(known.Columns, c => c.LogicalName == column.LogicalName);
            }
        }
    }
}
