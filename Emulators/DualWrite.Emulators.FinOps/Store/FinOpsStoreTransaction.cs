using System;
using System.Collections.Generic;
using System.Threading;
using DualWrite.Core.Events;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.Store;

/// <summary>
/// A write under the store's write lock: writes are serialised, readers wait, and everything done
/// here either commits together or is undone on dispose (a $batch changeset is all or nothing).
/// Synchronous by design: the lock has thread affinity, so no await may happen while it is held.
/// </summary>
public sealed class FinOpsStoreTransaction : IDisposable
{
    private readonly ReaderWriterLockSlim _lock;
    private readonly IReadOnlyDictionary<string, EntityTable> _tables;
    private readonly List<Action> _undo = new();
    private readonly List<StoreChange> _changes = new();
    private bool _done;

    internal FinOpsStoreTransaction(ReaderWriterLockSlim storeLock, IReadOnlyDictionary<string, EntityTable> tables)
    {
        _lock = storeLock;
        _tables = tables;
        _lock.EnterWriteLock();
        View = new StoreView(tables);
    }

    /// <summary>Reads that see this transaction's own writes.</summary>
    public StoreView View { get; }

    /// <summary>Creates the row; false when a row with its key exists.</summary>
    public bool TryInsert(EntitySetSchema set, object?[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row = RowStorage.Trim(row);
        var table = Table(set);
        if (!table.TryInsert(row, out var slot))
        {
            return false;
        }

        _undo.Add(() => table.UndoInsert(slot));
        _changes.Add(new StoreChange(set, ChangeOperation.Create, row));
        return true;
    }

    /// <summary>Replaces the row with the same key; false when there is none.</summary>
    public bool TryReplace(EntitySetSchema set, object?[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row = RowStorage.Trim(row);
        var table = Table(set);
        if (!table.TryFindSlot(row, out var slot))
        {
            return false;
        }

        var old = table.GetSlot(slot);
        table.Replace(slot, row);
        _undo.Add(() => table.Replace(slot, old));
        _changes.Add(new StoreChange(set, ChangeOperation.Update, row));
        return true;
    }

    /// <summary>Deletes the row with the probe's key and returns it, or null when there is none.</summary>
    public object?[]? Delete(EntitySetSchema set, object?[] probe)
    {
        var table = Table(set);
        if (!table.TryFindSlot(probe, out var slot))
        {
            return null;
        }

        var old = table.GetSlot(slot);
        table.Remove(slot);
        _undo.Add(() => table.Restore(slot, old));
        _changes.Add(new StoreChange(set, ChangeOperation.Delete, old));
        return old;
    }

    /// <summary>Makes the writes visible for good and returns them in order, for business events.</summary>
    public IReadOnlyList<StoreChange> Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        try
        {
            foreach (var change in _changes)
            {
                if (change.Operation == ChangeOperation.Delete)
                {
                    Table(change.EntitySet).CompactIfSparse();
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        return _changes;
    }

    /// <summary>Undoes every write unless committed, then releases the lock.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        try
        {
            for (var i = _undo.Count - 1; i >= 0; i--)
            {
                _undo[i]();
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private EntityTable Table(EntitySetSchema set) => _tables[set.Name];
}
