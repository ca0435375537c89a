using System;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Emulators.Common.Hosting;

/// <summary>The most recent requests (a ring buffer, thread-safe, in memory only), for tests and admin endpoints.</summary>
public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly Queue<RequestLogEntry> _entries = new();

    public RequestLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    /// <summary>How many entries are kept; older ones are dropped.</summary>
    public int Capacity { get; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<RequestLogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToList();
            }
        }
    }

    public void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry);
            while (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
