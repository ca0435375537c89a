using System;
using System.Collections.Generic;

namespace DualWrite.Emulators.FinOps.OData.Handlers;

/// <summary>
/// One page of an ordered query without sorting every matching row: only the first $skip + page rows in the order
/// are kept (a bounded heap), so a keyset read of 200,000 rows in pages of 10,000 costs a pass per page, not a sort.
/// Ties keep insertion order (the row's position in the scan), as a stable sort would, so pages never overlap.
/// </summary>
internal static class OrderedPageSelector
{
    public static QueryPage Select(IEnumerable<object?[]> rows, IComparer<object?[]> order, int skip, int wanted)
    {
        var keep = (int)Math.Min((long)skip + wanted, int.MaxValue);
        var stable = Comparer<(object?[] Row, int Position)>.Create((x, y) =>
        {
            var compared = order.Compare(x.Row, y.Row);
            return compared != 0 ? compared : x.Position.CompareTo(y.Position);
        });

        // A max-heap on the order: its top is the last row kept, the first to give way to a better one.
        var heap = new PriorityQueue<(object?[] Row, int Position), (object?[] Row, int Position)>(
            Comparer<(object?[] Row, int Position)>.Create((x, y) => stable.Compare(y, x)));
        var total = 0;
        foreach (var row in rows)
        {
            var item = (row, total++);
            if (heap.Count < keep)
            {
                heap.Enqueue(item, item);
            }
            else if (keep > 0 && stable.Compare(item, heap.Peek()) < 0)
            {
                heap.DequeueEnqueue(item, item);
            }
        }

        var kept = new List<(object?[] Row, int Position)>(heap.Count);
        foreach (var (element, _) in heap.UnorderedItems)
        {
            kept.Add(element);
        }

        kept.Sort(stable);
        var page = new List<object?[]>(Math.Max(0, Math.Min(wanted, kept.Count - skip)));
        for (var i = skip; i < kept.Count; i++)
        {
            page.Add(kept[i].Row);
        }

        return new QueryPage(page, total, total > skip + page.Count);
    }
}
