using System;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Metadata;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>Checks a written value against its column's type, as the platform does before it stores anything.</summary>
internal static class ColumnValueChecker
{
    public static void Check(TableMetadata table, ColumnMetadata column, object? value)
    {
        if (value is null)
        {
            return;
        }

        var ok = column.Type switch
        {
            ColumnType.String or ColumnType.Memo => value is string,
            ColumnType.Integer => value is int,
            ColumnType.BigInt => value is long or int,
            ColumnType.Decimal => value is decimal,
            ColumnType.Double => value is double,
            ColumnType.Money => value is Money,
            ColumnType.Boolean => value is bool,
            ColumnType.DateTime => value is DateTime,
            ColumnType.UniqueIdentifier => value is Guid,
            ColumnType.Lookup or ColumnType.Owner => value is EntityReference,
            ColumnType.Picklist or ColumnType.State or ColumnType.Status => value is OptionSetValue,
            ColumnType.MultiSelectPicklist => value is OptionSetValueCollection,
            _ => false,
        };
        if (!ok)
        {
            throw DataverseFaultException.Create(
                ErrorCodes.InvalidArgument,
                $"Incorrect type of attribute value {value.GetType().FullName} for column '{column.LogicalName}' of table '{table.LogicalName}': the column is {column.Type} and expects {ExpectedType(column.Type)}.");
        }

        if (value is string text && column.MaxLength is int max && text.Length > max)
        {
            throw DataverseFaultException.Create(
                ErrorCodes.InvalidArgument,
                $"A value of length {text.Length} is too long for column '{column.LogicalName}' of table '{table.LogicalName}' (maximum {max}).");
        }

        if (value is EntityReference reference && column.Targets.Count > 0 && !Contains(column, reference.LogicalName))
        {
            throw DataverseFaultException.Create(
                ErrorCodes.InvalidArgument,
                $"Column '{column.LogicalName}' of table '{table.LogicalName}' cannot point at table '{reference.LogicalName}'; it accepts {string.Join(", ", column.Targets)}.");
        }
    }

    private static bool Contains(ColumnMetadata column, string? table)
    {
        foreach (var target in column.Targets)
        {
            if (string.Equals(target, table, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string ExpectedType(ColumnType type) => type switch
    {
        ColumnType.String or ColumnType.Memo => "System.String",
        ColumnType.Integer => "System.Int32",
        ColumnType.BigInt => "System.Int64",
        ColumnType.Decimal => "System.Decimal",
        ColumnType.Double => "System.Double",
        ColumnType.Money => "Microsoft.Xrm.Sdk.Money",
        ColumnType.Boolean => "System.Boolean",
        ColumnType.DateTime => "System.DateTime",
        ColumnType.UniqueIdentifier => "System.Guid",
        ColumnType.Lookup or ColumnType.Owner => "Microsoft.Xrm.Sdk.EntityReference",
        ColumnType.Picklist or ColumnType.State or ColumnType.Status => "Microsoft.Xrm.Sdk.OptionSetValue",
        ColumnType.MultiSelectPicklist => "Microsoft.Xrm.Sdk.OptionSetValueCollection",
        _ => type.ToString(),
    };
}
