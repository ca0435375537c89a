using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Emulators.FinOps.Events;

/// <summary>Events whose delivery failed after all retries, until resent (thread-safe).</summary>
public sealed class EventErrorLog
{
    private readonly ConcurrentDictionary<Guid, EventErrorEntry> _entries = new();

    public int Count => _entries.Count;

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<EventErrorEntry> Entries => _entries.Values.OrderBy(e => e.FailedAt).ThenBy(e => e.ControlNumber).ToList();

    internal void Add(EventErrorEntry entry) => _entries[entry.Id] = entry;

    internal bool TryRemove(Guid id, out EventErrorEntry? entry)
    {
        var removed = _entries.TryRemove(id, out var found);
        entry = found;
        return removed;
    }
}
