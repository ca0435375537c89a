using System;
using System.Threading;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// Holds the committed state and serializes write transactions. Readers take the committed state without a
/// lock (it is immutable and published atomically), so they never see a transaction's uncommitted writes.
/// </summary>
internal sealed class RecordStore : IDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private StoreState _committed;
    private int _writerThreadId;

    public RecordStore(StoreState initial)
    {
        _committed = initial;
    }

    public StoreState Committed => Volatile.Read(ref _committed);

    /// <summary>Waits for the write lock and starts a transaction over the committed state.</summary>
    public DataverseStoreTransaction Begin()
    {
        if (Volatile.Read(ref _writerThreadId) == Environment.CurrentManagedThreadId)
        {
            // The thread already holds the lock: plug-in code used an outer IOrganizationService instead of
            // the one from IOrganizationServiceFactory. Waiting would deadlock, so say so.
            throw new InvalidOperationException(
                "A write started while this thread's transaction is open. Plug-in code must use the IOrganizationService from IOrganizationServiceFactory in its service provider, not an outer service.");
        }

        _writeLock.Wait();
        Volatile.Write(ref _writerThreadId, Environment.CurrentManagedThreadId);
        return new DataverseStoreTransaction(this, Committed);
    }

    internal void Publish(StoreState state) => Volatile.Write(ref _committed, state);

    internal void Release()
    {
        Volatile.Write(ref _writerThreadId, 0);
        _writeLock.Release();
    }

    public void Dispose() => _writeLock.Dispose();
}
