using System.Collections.Generic;
using System.Threading;
using DualWrite.Chaos.Ledger;

namespace DualWrite.Chaos.Records;

/// <summary>
/// A record the run created (or tried to): its operations in answer order. One operation (or one two-sided edit) at a
/// time holds <see cref="Gate"/>, so the order of its entries is the order the sides saw them.
/// </summary>
public sealed class TrackedRecord
{
    private readonly object _gate = new();
    private readonly List<LedgerEntry> _entries = new();

    public TrackedRecord(EntityShape shape, string key)
    {
        Shape = shape;
        Key = key;
    }

    public EntityShape Shape { get; }

    public string Key { get; }

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The run believes it exists: its create was accepted and no delete was.</summary>
    public bool Live { get; set; }

    /// <summary>Created and never deleted nor refused at creation: the run may still change it.</summary>
    public bool Finished { get; set; }

    public void Add(LedgerEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    public IReadOnlyList<LedgerEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }
}
