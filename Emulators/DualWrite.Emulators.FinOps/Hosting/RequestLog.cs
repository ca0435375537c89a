using System;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Emulators.FinOps.Hosting;

/// <summary>The most recent requests (a ring buffer, thread-safe), for tests and the admin endpoint.</summary>
public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly Queue<RequestLogEntry> _entries = new();
    private readonly int _capacity;

    public RequestLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

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
            while (_entries.Count > _capacity)
            {
                _entries.Dequeue();
            }
        }
    }
}
