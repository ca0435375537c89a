using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Emulators.Dataverse.Hosting;

/// <summary>The last <see cref="Capacity"/> requests, oldest first; thread-safe, in memory only.</summary>
public sealed class RequestLog
{
    public const int Capacity = 10_000;

    private readonly ConcurrentQueue<RequestLogEntry> _entries = new();

    public IReadOnlyList<RequestLogEntry> Entries => _entries.ToList();

    public void Add(RequestLogEntry entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }

    public void Clear() => _entries.Clear();
}
