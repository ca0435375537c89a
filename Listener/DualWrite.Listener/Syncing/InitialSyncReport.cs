using System;
using System.Collections.Generic;

namespace DualWrite.Listener.Syncing;

/// <summary>What an initial sync did: per map, records written, skipped (already equal, filtered out) and failed, with the first reasons.</summary>
public sealed record InitialSyncReport(IReadOnlyList<InitialSyncMapResult> Maps, TimeSpan Elapsed)
{
    public int Applied => Sum(m => m.Applied);

    public int Skipped => Sum(m => m.Skipped);

    public int Failed => Sum(m => m.Failed);

    private int Sum(Func<InitialSyncMapResult, int> count)
    {
        var total = 0;
        foreach (var map in Maps)
        {
            total += count(map);
        }

        return total;
    }
}
