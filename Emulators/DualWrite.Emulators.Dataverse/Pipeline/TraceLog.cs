using System.Collections.Generic;

namespace DualWrite.Emulators.Dataverse.Pipeline;

/// <summary>Every trace line written by any plug-in, in order; safe to append from several threads.</summary>
internal sealed class TraceLog
{
    private readonly List<TraceEntry> _entries = [];
    private readonly System.Threading.Lock _gate = new();

    public void Add(TraceEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    public IReadOnlyList<TraceEntry> Snapshot()
    {
        lock (_gate)
        {
            return _entries.ToArray();
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
