using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Chaos.Ledger;

/// <summary>Every operation of the run in the order the answers came (thread-safe).</summary>
public sealed class OperationLedger
{
    private readonly object _gate = new();
    private readonly List<LedgerEntry> _entries = new();

    public void Add(LedgerEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public IReadOnlyList<LedgerEntry> Snapshot()
    {
        lock (_gate)
        {
            return _entries.ToList();
        }
    }
}
