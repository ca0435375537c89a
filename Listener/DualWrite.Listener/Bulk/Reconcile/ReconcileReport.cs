using System;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>A reconcile run: one result per map and company, whether it fixed, and the run's time.</summary>
public sealed record ReconcileReport(IReadOnlyList<ReconcileMapResult> Maps, bool Fixed, TimeSpan Elapsed)
{
    public long RowsRead => Maps.Sum(m => m.FinOpsRows + m.DataverseRows);

    public long Differences => Maps.Sum(m => m.Differences);

    /// <summary>Records still out of agreement after the run (all differences when it did not fix).</summary>
    public long Unresolved => Maps.Sum(m => m.Unresolved);

    /// <summary>Rows read on both sides per second.</summary>
    public double RowsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : RowsRead / Elapsed.TotalSeconds;
}
