using System.Collections.Generic;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.Store;

/// <summary>
/// The rows of one entity set. A row is an <c>object?[]</c> in the schema's field order (compact: a
/// million customers fit without a dictionary per row). Rows are never changed in place: an update
/// stores a new array, so a reader that took a row under the read lock can serialise it afterwards.
/// Not thread-safe on its own; <see cref="FinOpsStore"/> guards it.
/// </summary>
internal sealed class EntityTable
{
    private readonly List<object?[]?> _slots = new();
    private readonly Dictionary<object?[], int> _index;

    public EntityTable(EntitySetSchema schema)
    {
        Schema = schema;
        _index = new Dictionary<object?[], int>(new RowKeyComparer(schema));
    }

    public EntitySetSchema Schema { get; }

    public int Count => _index.Count;

    /// <summary>Live rows in insertion order (deleted slots are skipped).</summary>
    public IEnumerable<object?[]> Rows
    {
        get
        {
            foreach (var row in _slots)
            {
                if (row is not null)
                {
                    yield return row;
                }
            }
        }
    }

    /// <summary>The row whose key fields equal the probe's (other fields of the probe are ignored).</summary>
    public object?[]? Find(object?[] probe) => _index.TryGetValue(probe, out var slot) ? _slots[slot] : null;

    public bool TryFindSlot(object?[] probe, out int slot) => _index.TryGetValue(probe, out slot);

    public object?[] GetSlot(int slot) => _slots[slot]!;

    /// <summary>Appends a row; false when its key exists.</summary>
    public bool TryInsert(object?[] row, out int slot)
    {
        slot = _slots.Count;
        if (!_index.TryAdd(row, slot))
        {
            return false;
        }

        _slots.Add(row);
        return true;
    }

    /// <summary>Replaces the row in a slot with a new array holding the same key.</summary>
    public void Replace(int slot, object?[] row)
    {
        _index.Remove(_slots[slot]!);
        _index.Add(row, slot);
        _slots[slot] = row;
    }

    public void Remove(int slot)
    {
        _index.Remove(_slots[slot]!);
        _slots[slot] = null;
    }

    /// <summary>Puts a removed row back in its slot (rollback of a delete).</summary>
    public void Restore(int slot, object?[] row)
    {
        _slots[slot] = row;
        _index.Add(row, slot);
    }

    /// <summary>
    /// Drops the slots deletes left empty once they outnumber the live rows (and there are more than
    /// 1,024), so scans do not slow down after mass deletes. Order is kept. Only between transactions:
    /// undo actions refer to slots.
    /// </summary>
    public void CompactIfSparse()
    {
        var holes = _slots.Count - _index.Count;
        if (holes <= 1024 || holes <= _index.Count)
        {
            return;
        }

        var live = new List<object?[]?>(_index.Count);
        foreach (var row in _slots)
        {
            if (row is not null)
            {
                _index[row] = live.Count;
                live.Add(row);
            }
        }

        _slots.Clear();
        _slots.AddRange(live);
    }

    /// <summary>Undoes the most recent insert into <paramref name="slot"/> (rollback of a create).</summary>
    public void UndoInsert(int slot)
    {
        _index.Remove(_slots[slot]!);
        if (slot == _slots.Count - 1)
        {
            _slots.RemoveAt(slot);
        }
        else
        {
            _slots[slot] = null;
        }
    }
}
