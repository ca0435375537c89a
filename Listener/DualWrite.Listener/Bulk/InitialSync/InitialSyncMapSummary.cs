using System;
using DualWrite.Core.Maps;

namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>
/// One map's share of a run: rows read from the source, written, not written because nothing was to be written
/// (outside the filter), failed (each one in the error store and the report), the time it took, and why it
/// did not complete (<see cref="Problem"/>).
/// </summary>
public sealed record InitialSyncMapSummary(
    string Map,
    int Wave,
    SyncDirection Direction,
    InitialSyncMapStatus Status,
    long Read,
    long Written,
    long Skipped,
    long Failed,
    TimeSpan Elapsed,
    bool Resumed,
    string? Problem)
{
    /// <summary>Rows read per second of the map's own time.</summary>
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;
}
