using System;
using System.Collections.Generic;

namespace DualWrite.Core.Maps;

/// <summary>
/// A table map: one F&amp;O data entity paired with one Dataverse table, field by field. Built by the
/// loader from a map file (Shared/maps/FORMAT.md) or in code; immutable.
/// </summary>
public sealed class TableMap
{
    public TableMap(
        int schemaVersion,
        string name,
        string? description,
        MapDirection direction,
        ConflictPolicy conflictPolicy,
        FinOpsTable finOps,
        DataverseTable dataverse,
        CompanyStriping? company,
        IReadOnlyList<FieldMap> fields)
    {
        SchemaVersion = schemaVersion;
        Name = string.IsNullOrEmpty(name) ? throw new ArgumentException("A map has a name.", nameof(name)) : name;
        Description = description;
        Direction = direction;
        ConflictPolicy = conflictPolicy;
        FinOps = finOps ?? throw new ArgumentNullException(nameof(finOps));
        Dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        Company = company;
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    public int SchemaVersion { get; }

    /// <summary>The name every error message quotes (<c>Customers V3</c>).</summary>
    public string Name { get; }

    public string? Description { get; }

    public MapDirection Direction { get; }

    /// <summary>The map's conflict policy; fields may override it.</summary>
    public ConflictPolicy ConflictPolicy { get; }

    public FinOpsTable FinOps { get; }

    public DataverseTable Dataverse { get; }

    /// <summary>Company striping; null for a global (not company-specific) map.</summary>
    public CompanyStriping? Company { get; }

    public bool IsCompanySpecific => Company is not null;

    public IReadOnlyList<FieldMap> Fields { get; }

    /// <summary>The default policy when a map file names none: field merge both ways, else the source wins.</summary>
    public static ConflictPolicy DefaultConflictPolicy(MapDirection direction) => direction switch
    {
        MapDirection.TwoWay => ConflictPolicy.FieldMerge,
        MapDirection.FinOpsToDataverse => ConflictPolicy.FinOpsWins,
        _ => ConflictPolicy.DataverseWins,
    };

    /// <summary>The policy that governs one field: its own, else the map's.</summary>
    public ConflictPolicy ConflictPolicyFor(FieldMap field) =>
        (field ?? throw new ArgumentNullException(nameof(field))).ConflictPolicy ?? ConflictPolicy;

    /// <summary>Two-way fields whose round trip may not be the identity, with the reasons (for map validation).</summary>
    public IReadOnlyList<KeyValuePair<FieldMap, IReadOnlyList<string>>> NonInvertibleTwoWayFields()
    {
        var result = new List<KeyValuePair<FieldMap, IReadOnlyList<string>>>();
        foreach (var field in Fields)
        {
            if (field.Direction == MapDirection.TwoWay)
            {
                var reasons = field.NonInvertibleReasons;
                if (reasons.Count > 0)
                {
                    result.Add(new KeyValuePair<FieldMap, IReadOnlyList<string>>(field, reasons));
                }
            }
        }

        return result;
    }

    public override string ToString() => Name;
}
