using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.Schema;
using DualWrite.Emulators.Dataverse.WebApi.Faults;

namespace DualWrite.Emulators.Dataverse.WebApi.Routing;

/// <summary>The Web API's view of an engine: entity sets by name and by table.</summary>
public sealed class ServiceModel
{
    private readonly Dictionary<string, EntitySetModel> _bySetName;
    private readonly Dictionary<string, EntitySetModel> _byTable;

    public ServiceModel(MetadataRegistry metadata, DataverseSchema schema)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(schema);
        var sets = new List<EntitySetModel>();
        foreach (var table in metadata.Tables.OrderBy(t => t.LogicalName, StringComparer.Ordinal))
        {
            // Tables declared outside the CSDL get the platform's usual plural: the logical name plus "s".
            sets.Add(schema.TryGetTable(table.LogicalName, out var declared)
                ? new EntitySetModel(declared.EntitySetName, table, declared.Navigations)
                : new EntitySetModel(table.LogicalName + "s", table, []));
        }

        EntitySets = sets;
        _bySetName = sets.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _byTable = sets.ToDictionary(s => s.Table.LogicalName, StringComparer.Ordinal);
    }

    public IReadOnlyList<EntitySetModel> EntitySets { get; }

    public EntitySetModel EntitySet(string name)
        => _bySetName.TryGetValue(name, out var set) ? set : throw WebApiException.NotFound($"Resource not found for the segment '{name}'.");

    public EntitySetModel ForTable(string logicalName)
        => _byTable.TryGetValue(logicalName, out var set) ? set : throw WebApiException.NotFound($"No entity set for table '{logicalName}'.");
}
