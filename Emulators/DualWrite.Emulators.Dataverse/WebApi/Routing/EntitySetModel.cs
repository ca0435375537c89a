using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.Schema;

namespace DualWrite.Emulators.Dataverse.WebApi.Routing;

/// <summary>One entity set: its table's metadata and the navigation properties its lookups are bound through.</summary>
public sealed class EntitySetModel
{
    private readonly Dictionary<string, LookupNavigation> _navigations;

    public EntitySetModel(string name, TableMetadata table, IEnumerable<LookupNavigation> navigations)
    {
        Name = name;
        Table = table;
        Navigations = navigations.ToList();
        // Navigation property names are case-sensitive, as on the real service.
        _navigations = Navigations.ToDictionary(n => n.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public TableMetadata Table { get; }

    public IReadOnlyList<LookupNavigation> Navigations { get; }

    public string TypeName => "Microsoft.Dynamics.CRM." + Table.LogicalName;

    public bool TryGetNavigation(string name, out LookupNavigation navigation) => _navigations.TryGetValue(name, out navigation!);

    /// <summary>The column a property name in $select, $filter, $orderby or a key names: _x_value names lookup x.</summary>
    public ColumnMetadata? ColumnOfProperty(string property)
    {
        if (property.Length > 7 && property[0] == '_' && property.EndsWith("_value", StringComparison.Ordinal)
            && Table.TryGetColumn(property[1..^6], out var lookup) && lookup.Type is ColumnType.Lookup or ColumnType.Owner)
        {
            return lookup;
        }

        return Table.TryGetColumn(property, out var column) && column.Type is not (ColumnType.Lookup or ColumnType.Owner) ? column : null;
    }

    /// <summary>The property a column is published as: _x_value for lookups.</summary>
    public static string PropertyOf(ColumnMetadata column)
        => column.Type is ColumnType.Lookup or ColumnType.Owner ? "_" + column.LogicalName + "_value" : column.LogicalName;
}
