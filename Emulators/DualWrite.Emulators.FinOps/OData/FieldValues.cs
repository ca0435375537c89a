using System;
using DualWrite.Emulators.FinOps.Schema;
using DualWrite.Emulators.FinOps.Store;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>
/// Stored values: defaults, and the value a reader sees. X++ has no null, so F&amp;O fills what a write
/// omits (0, 1900-01-01, the enum's first member) and returns empty strings, not null. Boxed defaults
/// are shared so a million rows do not each box their own zero.
/// </summary>
public static class FieldValues
{
    /// <summary>F&amp;O's "no date": 1900-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset NoDate = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly object ZeroDecimal = 0m;
    private static readonly object ZeroInt32 = 0;
    private static readonly object ZeroInt64 = 0L;
    private static readonly object False = false;
    private static readonly object EmptyGuid = Guid.Empty;
    private static readonly object BoxedNoDate = NoDate;

    /// <summary>What the server stores when a create omits the field (null for strings: read as "").</summary>
    public static object? Default(FieldSchema field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Kind switch
        {
            FieldKind.Decimal => ZeroDecimal,
            FieldKind.Int32 => ZeroInt32,
            FieldKind.Int64 => ZeroInt64,
            FieldKind.Boolean => False,
            FieldKind.Guid => EmptyGuid,
            FieldKind.DateTimeOffset => BoxedNoDate,
            FieldKind.Enum => field.EnumMembers.Count > 0 ? field.EnumMembers[0] : null,
            _ => null,
        };
    }

    /// <summary>A new full-length row of the set with every field at its default (null: see <see cref="RowStorage"/>).</summary>
    public static object?[] NewRow(EntitySetSchema set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new object?[set.Fields.Count];
    }

    /// <summary>The value as clients see it (in JSON and in $filter): the default for a null, an empty string for a string.</summary>
    public static object? Read(FieldSchema field, object?[] row)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(row);
        return RowStorage.Raw(row, field.Index) ?? (field.Kind == FieldKind.String ? string.Empty : Default(field));
    }
}
