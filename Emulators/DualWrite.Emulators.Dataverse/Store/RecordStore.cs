using System;
using System.Collections.Generic;
using System.Threading;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// Holds the committed state and runs write transactions under row locks (<see cref="RowLocks"/>): transactions
/// writing different records run side by side, and only the short publication of a commit is serialized. Readers
/// take the committed state without a lock (it is immutable and published atomically), so they never see a
/// transaction's uncommitted writes.
/// </summary>
internal sealed class RecordStore : IDisposable
{
    /// <summary>How long a writer waits for a locked record by default.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromSeconds(60);

    private readonly object _commitGate = new();
    private readonly HashSet<int> _openThreads = [];
    private StoreVersion _head;

    public RecordStore(StoreState initial)
    {
        _head = new StoreVersion(initial, []);
    }

    public StoreState Committed => Volatile.Read(ref _head).State;

    public RowLocks Locks { get; } = new(DefaultLockTimeout);

    /// <summary>Starts a transaction over the committed state; it waits only when it writes a record another holds.</summary>
    public DataverseStoreTransaction Begin()
    {
        var thread = Environment.CurrentManagedThreadId;
        lock (_openThreads)
        {
            if (_openThreads.Contains(thread))
            {
                // The thread already has a transaction open: plug-in code used an outer IOrganizationService instead
                // of the one from IOrganizationServiceFactory. Its write would commit on its own (or wait for its own
                // caller's lock for ever), so say so.
                throw new InvalidOperationException(
                    "A write started while this thread's transaction is open. Plug-in code must use the IOrganizationService from IOrganizationServiceFactory in its service provider, not an outer service.");
            }

            _openThreads.Add(thread);
        }

        return new DataverseStoreTransaction(this, Volatile.Read(ref _head), takesLocks: true) { BeganOnThread = thread };
    }

    internal void Ended(DataverseStoreTransaction transaction)
    {
        Locks.ReleaseAll(transaction);
        if (transaction.BeganOnThread is int thread)
        {
            lock (_openThreads)
            {
                _openThreads.Remove(thread);
            }
        }
    }

    /// <summary>A transaction that takes no locks, for seeding while nothing else writes.</summary>
    public DataverseStoreTransaction BeginSeeding() => new(this, Volatile.Read(ref _head), takesLocks: false);

    /// <summary>
    /// Publishes a transaction's rows. When nothing was committed since it last caught up, its view is the new state
    /// as it is; otherwise its rows are written over the newer state (they are locked, so nobody else wrote them).
    /// </summary>
    internal void Publish(StoreVersion seen, StoreState view, IEnumerable<RowWrite> writes)
    {
        lock (_commitGate)
        {
            var head = _head;
            var changes = new List<RowWrite>(writes);
            if (changes.Count == 0)
            {
                return;
            }

            StoreVersion next;
            if (ReferenceEquals(head, seen))
            {
                next = new StoreVersion(view, changes);
            }
            else
            {
                var (state, committed) = head.State.ApplyTransaction(changes);
                next = new StoreVersion(state, committed);
            }

            head.Link(next);
            Volatile.Write(ref _head, next);
        }
    }

    /// <summary>Publishes a seeding transaction's whole view; it must be the only writer since it began.</summary>
    internal void PublishSeed(StoreVersion seen, StoreState view)
    {
        lock (_commitGate)
        {
            if (!ReferenceEquals(_head, seen))
            {
                throw new InvalidOperationException("Seeding ran while other transactions committed; seed before the store takes requests.");
            }

            // No change list: seeding runs before requests, so no open transaction has to replay its rows.
            var next = new StoreVersion(view, []);
            _head.Link(next);
            Volatile.Write(ref _head, next);
        }
    }

    public void Dispose()
    {
        // Nothing to free: locks live as long as their transactions.
    }
}
