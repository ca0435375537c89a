using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Emulators.Dataverse.Builder;

namespace DualWrite.Emulators.Dataverse.Schema;

/// <summary>The tables an emulator serves, read from CSDL (<see cref="CsdlSchemaReader"/>); it declares them on an engine builder.</summary>
public sealed class DataverseSchema
{
    private readonly Dictionary<string, TableSchema> _byTable;

    public DataverseSchema(IEnumerable<TableSchema> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        Tables = tables.ToList();
        _byTable = Tables.ToDictionary(t => t.LogicalName, StringComparer.Ordinal);
    }

    public IReadOnlyList<TableSchema> Tables { get; }

    public bool TryGetTable(string logicalName, out TableSchema table) => _byTable.TryGetValue(logicalName, out table!);

    /// <summary>Declares every table, with its columns and alternate keys, on <paramref name="builder"/>.</summary>
    public InMemoryDataverseBuilder ApplyTo(InMemoryDataverseBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var table in Tables)
        {
            builder.AddTable(table.LogicalName, t =>
            {
                t.PrimaryKey(table.PrimaryIdAttribute);
                foreach (var column in table.Columns)
                {
                    t.Column(column);
                }

                foreach (var key in table.AlternateKeys)
                {
                    t.AlternateKey(key.LogicalName, [.. key.Columns]);
                }
            });
        }

        return builder;
    }
}
