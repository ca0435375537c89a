using System;
using System.Collections.Generic;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>$orderby: field by field, strings ignoring case (F&amp;O's collation), empty before anything.</summary>
internal sealed class RowOrderComparer : IComparer<object?[]>
{
    private readonly IReadOnlyList<OrderByItem> _items;

    public RowOrderComparer(IReadOnlyList<OrderByItem> items)
    {
        _items = items;
    }

    public int Compare(object?[]? x, object?[]? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        foreach (var item in _items)
        {
            var left = FieldValues.Read(item.Field, x);
            var right = FieldValues.Read(item.Field, y);
            var order = left is string ls && right is string rs
                ? string.Compare(ls, rs, StringComparison.OrdinalIgnoreCase)
                : Comparer<object?>.Default.Compare(left, right);
            if (order != 0)
            {
                return item.Descending ? -order : order;
            }
        }

        return 0;
    }
}
