using System;
using System.Collections.Generic;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.Store;

/// <summary>
/// Compares rows by their key fields only. Strings compare ignoring case because F&amp;O's SQL
/// collation does: <c>USMF</c> and <c>usmf</c> name the same company, <c>us-001</c> the same customer.
/// </summary>
internal sealed class RowKeyComparer : IEqualityComparer<object?[]>
{
    private readonly int[] _keyIndexes;

    public RowKeyComparer(EntitySetSchema schema)
    {
        _keyIndexes = new int[schema.KeyFields.Count];
        for (var i = 0; i < _keyIndexes.Length; i++)
        {
            _keyIndexes[i] = schema.KeyFields[i].Index;
        }
    }

    public bool Equals(object?[]? x, object?[]? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null)
        {
            return false;
        }

        foreach (var i in _keyIndexes)
        {
            if (!ValuesEqual(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(object?[] obj)
    {
        var hash = default(HashCode);
        foreach (var i in _keyIndexes)
        {
            hash.Add(obj[i] is string s ? StringComparer.OrdinalIgnoreCase.GetHashCode(s) : obj[i]?.GetHashCode() ?? 0);
        }

        return hash.ToHashCode();
    }

    /// <summary>Key and reference comparison: strings ignore case, other values use Equals.</summary>
    public static bool ValuesEqual(object? x, object? y) =>
        x is string xs && y is string ys ? string.Equals(xs, ys, StringComparison.OrdinalIgnoreCase) : Equals(x, y);
}
