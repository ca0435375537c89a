using System;

namespace DualWrite.Emulators.Dataverse.Metadata;

/// <summary>
/// A relationship Associate/Disassociate can use. One-to-many: the referencing table's lookup column points
/// at the referenced table. Many-to-many: rows of an intersect table pair the two tables' ids.
/// </summary>
public sealed class RelationshipMetadata
{
    private RelationshipMetadata(string schemaName, bool isManyToMany, string table1, string table2, string column)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaName);
        SchemaName = schemaName;
        IsManyToMany = isManyToMany;
        Table1 = table1;
        Table2 = table2;
        Column = column;
    }

    public string SchemaName { get; }

    public bool IsManyToMany { get; }

    /// <summary>One-to-many: the referenced (parent) table. Many-to-many: the first table.</summary>
    public string Table1 { get; }

    /// <summary>One-to-many: the referencing (child) table. Many-to-many: the second table.</summary>
    public string Table2 { get; }

    /// <summary>One-to-many: the lookup column on the child. Many-to-many: the intersect table's logical name.</summary>
    public string Column { get; }

    public static RelationshipMetadata OneToMany(string schemaName, string referencedTable, string referencingTable, string lookupColumn)
        => new(schemaName, false, referencedTable, referencingTable, lookupColumn);

    public static RelationshipMetadata ManyToMany(string schemaName, string table1, string table2, string intersectTable)
        => new(schemaName, true, table1, table2, intersectTable);

    /// <summary>Many-to-many: the intersect column holding ids of <paramref name="table"/>.</summary>
    internal string IntersectColumnFor(string table, bool second)
        => string.Equals(Table1, Table2, StringComparison.Ordinal)
            ? (second ? Table2 + "idtwo" : Table1 + "idone")
            : table + "id";
}
