using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using DualWrite.Emulators.Dataverse.Metadata;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// One write transaction under row locking, as SQL Server runs Dataverse's: each row (and each alternate-key value)
/// it writes is locked until it ends, so writers of other records go on meanwhile. It reads committed data plus its
/// own writes (<see cref="Working"/> catches up with later commits before each read), and its writes stay invisible
/// to everyone else until <see cref="Commit"/> publishes them; disposing without a commit drops them.
/// Savepoints let a failed nested request undo only its own writes.
/// </summary>
internal sealed class DataverseStoreTransaction : IDisposable
{
    private readonly RecordStore _store;
    private readonly bool _takesLocks;
    private StoreVersion _base;
    private StoreState _view;
    private ImmutableDictionary<RowKey, RowWrite> _writes = ImmutableDictionary<RowKey, RowWrite>.Empty;
    private bool _finished;

    internal DataverseStoreTransaction(RecordStore store, StoreVersion start, bool takesLocks)
    {
        _store = store;
        _base = start;
        _view = start.State;
        _takesLocks = takesLocks;
    }

    /// <summary>The thread that began it (seeding transactions: none), free again once it ends.</summary>
    internal int? BeganOnThread { get; init; }

    /// <summary>The locks held (owned by <see cref="RowLocks"/>, which guards this list).</summary>
    internal List<string> HeldLocks { get; } = [];

    /// <summary>Committed data as of now plus this transaction's own writes.</summary>
    public StoreState Working
    {
        get
        {
            CatchUp();
            return _view;
        }
    }

    /// <summary>Locks a row for writing (waits while another transaction holds it).</summary>
    public void LockRow(TableMetadata table, Guid id)
    {
        if (_takesLocks)
        {
            _store.Locks.Acquire(this, RowLocks.RowResource(table.LogicalName, id));
        }
    }

    /// <summary>Locks an alternate-key value, so no other transaction can take or free it until this one ends.</summary>
    public void LockKey(TableMetadata table, AlternateKeyMetadata key, string text)
    {
        if (_takesLocks)
        {
            _store.Locks.Acquire(this, RowLocks.KeyResource(table.LogicalName, key.LogicalName, text));
        }
    }

    /// <summary>Inserts or replaces a row: locks it and its old and new key values first, then checks uniqueness.</summary>
    public void Put(TableMetadata table, Guid id, ImmutableDictionary<string, object?> values)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        LockRow(table, id);
        LockKeys(table, Working.Find(table.LogicalName, id)?.Values);
        LockKeys(table, values);
        var state = Working.Put(table, id, values);
        Record(table, id, state);
    }

    public void Remove(TableMetadata table, Guid id)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        LockRow(table, id);
        LockKeys(table, Working.Find(table.LogicalName, id)?.Values);
        var state = Working.Remove(table, id);
        Record(table, id, state);
    }

    public StoreSavepoint Save() => new(_base, _view, _writes);

    public void RollbackTo(StoreSavepoint savepoint)
    {
        ArgumentNullException.ThrowIfNull(savepoint);
        _base = savepoint.Base;
        _view = savepoint.View;
        _writes = savepoint.Writes;
    }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            if (_takesLocks)
            {
                _store.Publish(_base, _view, _writes.Values);
            }
            else
            {
                _store.PublishSeed(_base, _view);
            }
        }
        finally
        {
            Finish();
        }
    }

    public void Dispose()
    {
        if (!_finished)
        {
            Finish();
        }
    }

    private void LockKeys(TableMetadata table, IReadOnlyDictionary<string, object?>? values)
    {
        if (values is null || !_takesLocks)
        {
            return;
        }

        foreach (var key in table.AlternateKeys)
        {
            if (KeyValueText.FromValues(key, values) is { } text)
            {
                LockKey(table, key, text);
            }
        }
    }

    private void Record(TableMetadata table, Guid id, StoreState state)
    {
        _view = state;
        if (!_takesLocks)
        {
            return; // seeding publishes its whole view; a million seeded rows need no write set
        }

        _writes = _writes.SetItem(new RowKey(table.LogicalName, id), new RowWrite(table, id, state.Find(table.LogicalName, id)));
    }

    /// <summary>Replays the rows of commits made since this transaction last looked; none of them is a row it locked.</summary>
    private void CatchUp()
    {
        while (_base.Next is { } next)
        {
            _view = _view.ApplyCommitted(next.Changes);
            _base = next;
        }
    }

    private void Finish()
    {
        _finished = true;
        _store.Ended(this);
    }
}
