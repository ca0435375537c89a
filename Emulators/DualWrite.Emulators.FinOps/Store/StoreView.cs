using System.Collections.Generic;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.Store;

/// <summary>Read access to the tables while the caller holds the store's read or write lock.</summary>
public sealed class StoreView
{
    private readonly IReadOnlyDictionary<string, EntityTable> _tables;

    internal StoreView(IReadOnlyDictionary<string, EntityTable> tables)
    {
        _tables = tables;
    }

    public int Count(EntitySetSchema set) => _tables[set.Name].Count;

    /// <summary>Live rows of the set in insertion order. Enumerate only while the lock is held.</summary>
    public IEnumerable<object?[]> Rows(EntitySetSchema set) => _tables[set.Name].Rows;

    /// <summary>The row with the probe's key (only the probe's key fields are read), or null.</summary>
    public object?[]? Find(EntitySetSchema set, object?[] probe) => _tables[set.Name].Find(probe);
}
