using System.Collections.Generic;
using DualWrite.Listener.Bulk.Reading;

namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>
/// What to reconcile: the maps by name or F&amp;O entity set (all when empty), one company (all when null), and
/// whether to push the master side's values to the other side. <paramref name="ReportPath"/> receives every difference.
/// </summary>
public sealed record ReconcileRequest(IReadOnlyList<string> Maps, string? Company, bool Fix, string? ReportPath)
{
    /// <summary>
    /// With <see cref="Fix"/>, for maps whose master is F&amp;O: also remove from Dataverse the records the state store shows
    /// were synced and F&amp;O no longer has (deleted while their events were lost). Dataverse-only records never synced stay.
    /// </summary>
    public bool RemoveDeleted { get; init; }

    /// <summary>The master side of every map in this run, whatever is configured (null: each map's configured master).</summary>
    public SyncSide? Master { get; init; }
}
