using System;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>
/// What a run did, map by map in wave order, with the run's id (the error store's and the reports'), the report
/// files and the problems that kept maps from running.
/// </summary>
public sealed record InitialSyncSummary(
    string RunId,
    IReadOnlyList<InitialSyncMapSummary> Maps,
    TimeSpan Elapsed,
    IReadOnlyList<string> ReportFiles,
    IReadOnlyList<string> Problems)
{
    public long Read => Maps.Sum(m => m.Read);

    public long Written => Maps.Sum(m => m.Written);

    public long Skipped => Maps.Sum(m => m.Skipped);

    public long Failed => Maps.Sum(m => m.Failed);

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;

    public bool Interrupted => Maps.Any(m => m.Status == InitialSyncMapStatus.Interrupted);

    /// <summary>True when every selected map ran to its end.</summary>
    public bool AllCompleted => Problems.Count == 0 && Maps.All(m => m.Status == InitialSyncMapStatus.Completed);
}
