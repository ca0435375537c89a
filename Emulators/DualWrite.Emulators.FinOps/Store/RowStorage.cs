using System;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.Store;

/// <summary>
/// How rows are held: an <c>object?[]</c> in field order where null stands for the field's default, and
/// trailing nulls are cut off. A generated customer fills about half of its 40 fields, so its row is
/// about half as long. Keys come first in the layout, so a stored row always holds its whole key.
/// </summary>
public static class RowStorage
{
    /// <summary>The stored value, or null (the default) past the end of a trimmed row.</summary>
    public static object? Raw(object?[] row, int index)
    {
        ArgumentNullException.ThrowIfNull(row);
        return index < row.Length ? row[index] : null;
    }

    /// <summary>A full-length copy to change and store again.</summary>
    public static object?[] Expand(EntitySetSchema set, object?[] row)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(row);
        var full = new object?[set.Fields.Count];
        Array.Copy(row, full, Math.Min(row.Length, full.Length));
        return full;
    }

    /// <summary>The row without its trailing nulls (the same array when it has none).</summary>
    public static object?[] Trim(object?[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var length = row.Length;
        while (length > 0 && row[length - 1] is null)
        {
            length--;
        }

        if (length == row.Length)
        {
            return row;
        }

        var trimmed = new object?[length];
        Array.Copy(row, trimmed, length);
        return trimmed;
    }
}
