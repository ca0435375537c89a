using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// Exclusive locks on rows and on alternate-key values, held by a write transaction until it commits or rolls back,
/// as SQL Server holds them for Dataverse. Writers of different records never wait for each other; a writer of a
/// locked record waits for its holder (a synchronous plug-in calling out keeps its record locked, not the store).
/// A wait that would close a cycle makes the waiter the deadlock victim; a wait longer than the timeout fails.
/// </summary>
internal sealed class RowLocks
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Holder> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<DataverseStoreTransaction, string> _waiting = new(ReferenceEqualityComparer.Instance);

    public RowLocks(TimeSpan timeout)
    {
        Timeout = timeout;
    }

    /// <summary>How long a writer waits for a locked row before failing (the service's SQL command timeout).</summary>
    public TimeSpan Timeout { get; set; }

    /// <summary>Waits for the lock (or returns at once when the transaction holds it already).</summary>
    public void Acquire(DataverseStoreTransaction owner, string resource)
    {
        lock (_gate)
        {
            Stopwatch? clock = null;
            while (true)
            {
                if (!_held.TryGetValue(resource, out var holder))
                {
                    _held[resource] = new Holder(owner);
                    owner.HeldLocks.Add(resource);
                    return;
                }

                if (ReferenceEquals(holder.Owner, owner))
                {
                    return;
                }

                if (WaitsFor(holder.Owner, owner))
                {
                    throw LockFaults.Deadlock(resource);
                }

                clock ??= Stopwatch.StartNew();
                var remaining = Timeout - clock.Elapsed;
                if (remaining <= TimeSpan.Zero)
                {
                    throw LockFaults.Timeout(resource, clock.Elapsed);
                }

                _waiting[owner] = resource;
                try
                {
                    Monitor.Wait(_gate, remaining);
                }
                finally
                {
                    _waiting.Remove(owner);
                }
            }
        }
    }

    /// <summary>Releases every lock the transaction holds and wakes the waiters.</summary>
    public void ReleaseAll(DataverseStoreTransaction owner)
    {
        if (owner.HeldLocks.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var resource in owner.HeldLocks)
            {
                _held.Remove(resource);
            }

            owner.HeldLocks.Clear();
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Whether <paramref name="start"/> waits, directly or through other waiters, for <paramref name="target"/>.</summary>
    private bool WaitsFor(DataverseStoreTransaction start, DataverseStoreTransaction target)
    {
        var current = start;
        for (var hops = 0; hops <= _waiting.Count; hops++)
        {
            if (!_waiting.TryGetValue(current, out var resource) || !_held.TryGetValue(resource, out var holder))
            {
                return false;
            }

            if (ReferenceEquals(holder.Owner, target))
            {
                return true;
            }

            current = holder.Owner;
        }

        return false;
    }

    public static string RowResource(string table, Guid id) => "row " + table + "(" + id.ToString("D") + ")";

    public static string KeyResource(string table, string key, string text) => "key " + table + "." + key + " = " + text.Replace('\u001f', ',');

    private sealed record Holder(DataverseStoreTransaction Owner);
}
