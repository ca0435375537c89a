using System;
using System.Collections.Generic;
using DualWrite.Core.Ledger;
using DualWrite.Core.Maps;
using DualWrite.Core.Pausing;
using DualWrite.Emulators.Dataverse.Builder;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Plugins.WriteThrough;

namespace DualWrite.Plugins.TestSupport;

/// <summary>Declares in the in-memory Dataverse the tables a map touches: its own table with every column the steps name, the companies and every lookup target.</summary>
public static class MapTables
{
    public static InMemoryDataverseBuilder AddTablesFor(this InMemoryDataverseBuilder builder, TableMap map, params string[] extraColumns)
    {
        var company = map.Company;
        var referenced = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (company is not null)
        {
            referenced[company.LogicalName] = [company.CodeField];
        }

        builder.AddTable(map.Dataverse.LogicalName, table =>
        {
            foreach (var column in MapColumns.PreImage(map))
            {
                table.Column(new ColumnMetadata(column, ColumnTypeOf(map, column)) { Targets = TargetsOf(map, column) });
            }

            foreach (var column in extraColumns)
            {
                table.Column(column, ColumnType.String);
            }
        });

        foreach (var field in map.Fields)
        {
            if (field.Lookup is { } lookup && lookup.LogicalName != map.Dataverse.LogicalName)
            {
                if (!referenced.TryGetValue(lookup.LogicalName, out var columns))
                {
                    columns = [];
                    referenced[lookup.LogicalName] = columns;
                }

                if (!columns.Contains(lookup.KeyField))
                {
                    columns.Add(lookup.KeyField);
                }

                if (lookup.CompanySpecific && company is not null && !columns.Contains(company.DataverseField))
                {
                    columns.Add(company.DataverseField);
                }
            }
        }

        foreach (var (table, columns) in referenced)
        {
            builder.AddTable(table, t =>
            {
                foreach (var column in columns)
                {
                    if (company is not null && column == company.DataverseField)
                    {
                        t.Lookup(column, company.LogicalName);
                    }
                    else
                    {
                        t.Column(column, ColumnType.String);
                    }
                }
            });
        }

        // Our solution's ledger table, which the write-through step writes to in the save's transaction.
        builder.AddTable(WriteThroughLedgerTable.LogicalName, t =>
        {
            foreach (var column in new[] { WriteThroughLedgerTable.Name, WriteThroughLedgerTable.Map, WriteThroughLedgerTable.FinOpsRecord, WriteThroughLedgerTable.Operation })
            {
                t.Column(column, ColumnType.String);
            }
        });

        // The map states the listener mirrors and the changes a paused map's steps queue (both read or written per save).
        builder.AddTable(MapStateTable.LogicalName, t => t
            .Column(MapStateTable.Name, ColumnType.String)
            .Column(MapStateTable.State, ColumnType.String)
            .Column(MapStateTable.Reason, ColumnType.String)
            .Column(MapStateTable.ChangedOn, ColumnType.DateTime)
            .Column(MapStateTable.HasQueuedChanges, ColumnType.Boolean)
            .AlternateKey(MapStateTable.NameKey, MapStateTable.Name));
        builder.AddTable(QueuedChangeTable.LogicalName, t =>
        {
            foreach (var column in new[] { QueuedChangeTable.Name, QueuedChangeTable.Map, QueuedChangeTable.EntitySetName, QueuedChangeTable.FinOpsRecord, QueuedChangeTable.Operation, QueuedChangeTable.LastError })
            {
                t.Column(column, ColumnType.String);
            }

            t.Column(QueuedChangeTable.Body, ColumnType.Memo)
                .Column(QueuedChangeTable.Sequence, ColumnType.BigInt)
                .Column(QueuedChangeTable.Attempts, ColumnType.Integer);
        });

        return builder;
    }

    private static ColumnType ColumnTypeOf(TableMap map, string column)
    {
        if (map.Company is { } company && column == company.DataverseField)
        {
            return ColumnType.Lookup;
        }

        foreach (var field in map.Fields)
        {
            if (field.DataverseField == column)
            {
                return field.Lookup is not null ? ColumnType.Lookup : field.DataverseType switch
                {
                    FieldType.Int => ColumnType.Integer,
                    FieldType.Long => ColumnType.BigInt,
                    FieldType.Decimal => ColumnType.Decimal,
                    FieldType.Money => ColumnType.Money,
                    FieldType.Bool => ColumnType.Boolean,
                    FieldType.Date or FieldType.DateTime => ColumnType.DateTime,
                    FieldType.Guid => ColumnType.UniqueIdentifier,
                    FieldType.Choice => ColumnType.Picklist,
                    _ => ColumnType.String,
                };
            }
        }

        return ColumnType.String;
    }

    private static IReadOnlyList<string> TargetsOf(TableMap map, string column)
    {
        if (map.Company is { } company && column == company.DataverseField)
        {
            return [company.LogicalName];
        }

        foreach (var field in map.Fields)
        {
            if (field.DataverseField == column && field.Lookup is { } lookup)
            {
                return [lookup.LogicalName];
            }
        }

        return [];
    }
}
