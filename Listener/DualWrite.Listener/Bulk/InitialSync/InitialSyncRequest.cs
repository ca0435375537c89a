using System.Collections.Generic;
using DualWrite.Core.Maps;

namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>
/// One initial sync: the maps by name (null: all), the direction forced for all of them (null: each map's master
/// side), one company only (null: all), what to do with earlier runs, and where to write the run's report files
/// (null: none).
/// </summary>
public sealed record InitialSyncRequest(
    IReadOnlyCollection<string>? Maps = null,
    SyncDirection? Direction = null,
    string? Company = null,
    InitialSyncMode Mode = InitialSyncMode.Fresh,
    string? ReportDirectory = null)
{
    /// <summary>Every map, from its master side, refusing unfinished runs, with no report files.</summary>
    public static InitialSyncRequest All { get; } = new();
}
