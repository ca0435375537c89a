using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.Store;

/// <summary>
/// The in-memory data of all entity sets. Many readers at once, one writer at a time
/// (<see cref="ReaderWriterLockSlim"/>); a write is a <see cref="FinOpsStoreTransaction"/>.
/// </summary>
public sealed class FinOpsStore : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, EntityTable> _tables;
    private long _computedKeys;

    public FinOpsStore(FinOpsSchema schema)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _tables = schema.EntitySets.ToDictionary(s => s.Name, s => new EntityTable(s), StringComparer.Ordinal);
    }

    public FinOpsSchema Schema { get; }

    /// <summary>Runs <paramref name="read"/> under the read lock. Do not return lazy enumerables.</summary>
    public T Read<T>(Func<StoreView, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        _lock.EnterReadLock();
        try
        {
            return read(new StoreView(_tables));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Starts a write; dispose it (after <see cref="FinOpsStoreTransaction.Commit"/> or not) on the same thread.</summary>
    public FinOpsStoreTransaction BeginWrite() => new(_lock, _tables);

    /// <summary>
    /// Bulk load for seeding: streams rows in without change records or events. Rows are consumed one at a
    /// time so a generator never has to hold a data set in memory. A duplicate key is a seed bug.
    /// </summary>
    public int Load(EntitySetSchema set, IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(rows);
        var table = _tables[set.Name];
        var count = 0;
        _lock.EnterWriteLock();
        try
        {
            foreach (var row in rows)
            {
                if (row.Length > set.Fields.Count)
                {
                    throw new ArgumentException("A " + set.Name + " row has " + row.Length + " values; the schema has " + set.Fields.Count + " fields.", nameof(rows));
                }

                if (!table.TryInsert(RowStorage.Trim(row), out _))
                {
                    throw new ArgumentException("The seed has two " + set.Name + " rows with the key " + RowKeys.Describe(set, row) + ".", nameof(rows));
                }

                count++;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        return count;
    }

    /// <summary>
    /// The next value of a key F&amp;O assigns itself (InventoryLotId): ten digits from a counter shared by
    /// seeds and writes, so the two never collide.
    /// </summary>
    public string NextComputedKey() =>
        Interlocked.Increment(ref _computedKeys).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _lock.Dispose();
}
