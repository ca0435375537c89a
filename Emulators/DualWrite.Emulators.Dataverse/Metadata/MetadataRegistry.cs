using System;
using System.Collections.Generic;
using DualWrite.Emulators.Dataverse.Faults;

namespace DualWrite.Emulators.Dataverse.Metadata;

/// <summary>All tables and relationships of one engine; read-only after build, so safe to share between threads.</summary>
public sealed class MetadataRegistry
{
    private readonly Dictionary<string, TableMetadata> _tables;
    private readonly Dictionary<string, RelationshipMetadata> _relationships;

    internal MetadataRegistry(IEnumerable<TableMetadata> tables, IEnumerable<RelationshipMetadata> relationships)
    {
        _tables = new Dictionary<string, TableMetadata>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            if (!_tables.TryAdd(table.LogicalName, table))
            {
                throw new ArgumentException($"Table '{table.LogicalName}' is declared twice.");
            }
        }

        _relationships = new Dictionary<string, RelationshipMetadata>(StringComparer.Ordinal);
        foreach (var relationship in relationships)
        {
            if (!_relationships.TryAdd(relationship.SchemaName, relationship))
            {
                throw new ArgumentException($"Relationship '{relationship.SchemaName}' is declared twice.");
            }
        }
    }

    public IReadOnlyCollection<TableMetadata> Tables => _tables.Values;

    public IReadOnlyCollection<RelationshipMetadata> Relationships => _relationships.Values;

    public bool TryGetTable(string logicalName, out TableMetadata table)
        => _tables.TryGetValue(logicalName ?? string.Empty, out table!);

    /// <summary>The table, or the fault the platform raises for an unknown table name.</summary>
    public TableMetadata Table(string? logicalName)
    {
        if (string.IsNullOrEmpty(logicalName))
        {
            throw DataverseFaultException.Create(ErrorCodes.InvalidArgument, "A table (entity) logical name is required.");
        }

        return _tables.TryGetValue(logicalName, out var table)
            ? table
            : throw DataverseFaultException.Create(
                ErrorCodes.TableDoesNotExist,
                $"The entity with a name = '{logicalName}' with namemapping = 'Logical' was not found in the MetadataCache.");
    }

    public RelationshipMetadata Relationship(string? schemaName)
    {
        return schemaName is not null && _relationships.TryGetValue(schemaName, out var relationship)
            ? relationship
            : throw DataverseFaultException.Create(ErrorCodes.InvalidArgument, $"Relationship '{schemaName}' is not declared in this engine.");
    }
}
