using System;
using System.Collections.Generic;
using DualWrite.Core.Maps;

namespace DualWrite.Core.Dependencies;

/// <summary>A map as the dependency graph sees it: its name, the table it writes and the tables it looks up.</summary>
public sealed class MapDependencyNode
{
    public MapDependencyNode(string name, string table, IReadOnlyList<TableReference> references)
    {
        Name = string.IsNullOrEmpty(name) ? throw new ArgumentException("Required.", nameof(name)) : name;
        Table = string.IsNullOrEmpty(table) ? throw new ArgumentException("Required.", nameof(table)) : table;
        References = references ?? throw new ArgumentNullException(nameof(references));
    }

    /// <summary>The map's name (<c>Customers V3</c>).</summary>
    public string Name { get; }

    /// <summary>The Dataverse table the map writes (<c>account</c>): lookups name tables, so tables join maps.</summary>
    public string Table { get; }

    public IReadOnlyList<TableReference> References { get; }

    /// <summary>
    /// The node of a table map: every lookup column references its table, and a company-specific map
    /// references the companies table (its rows carry a lookup to it).
    /// </summary>
    public static MapDependencyNode FromTableMap(TableMap map)
    {
        if (map is null)
        {
            throw new ArgumentNullException(nameof(map));
        }

        var references = new List<TableReference>();
        if (map.Company is not null)
        {
            references.Add(new TableReference(map.Company.LogicalName, map.Company.FinOpsField));
        }

        foreach (var field in map.Fields)
        {
            if (field.Lookup is not null)
            {
                references.Add(new TableReference(field.Lookup.LogicalName, field.DisplayName));
            }
        }

        return new MapDependencyNode(map.Name, map.Dataverse.LogicalName, references);
    }

    public override string ToString() => Name + " (" + Table + ")";
}
