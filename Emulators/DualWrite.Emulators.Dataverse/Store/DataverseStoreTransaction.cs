using System;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// One write transaction. Writes replace <see cref="Working"/>; commit publishes it, dispose without commit drops
/// it (the immutable state before the transaction is the undo journal). Savepoints let a failed nested request
/// undo only its own writes.
/// </summary>
internal sealed class DataverseStoreTransaction : IDisposable
{
    private readonly RecordStore _store;
    private bool _finished;

    internal DataverseStoreTransaction(RecordStore store, StoreState start)
    {
        _store = store;
        Working = start;
    }

    public StoreState Working { get; set; }

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _store.Publish(Working);
        Finish();
    }

    public void Dispose()
    {
        if (!_finished)
        {
            Finish();
        }
    }

    private void Finish()
    {
        _finished = true;
        _store.Release();
    }
}
