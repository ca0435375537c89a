using System;
using System.Collections.Generic;

namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>
/// What reconciling one map (one company of it, or all rows of a global map) found: rows read on each side, records
/// on both, records missing on either side, records with field differences and the field differences themselves,
/// and with <c>--fix</c> how many records were written and how many the target refused; <see cref="Problems"/> names the first records that could not be mapped or written. <see cref="FirstDifferences"/>
/// keeps only the first few; the report file has all of them.
/// </summary>
public sealed record ReconcileMapResult(
    string Map,
    string? Company,
    string Master,
    long FinOpsRows,
    long DataverseRows,
    long Matched,
    long MissingInDataverse,
    long MissingInFinOps,
    long RecordsDiffering,
    long FieldDifferences,
    long Fixed,
    long FixFailed,
    IReadOnlyList<ReconcileDifference> FirstDifferences,
    IReadOnlyList<string> Problems,
    TimeSpan Elapsed)
{
    public long Differences => MissingInDataverse + MissingInFinOps + RecordsDiffering;

    /// <summary>Of <see cref="Fixed"/>, the records removed from Dataverse because F&amp;O deleted them (a catch-up after downtime).</summary>
    public long Removed { get; init; }

    /// <summary>The records still out of agreement: all differences without --fix; after it, those not fixed.</summary>
    public long Unresolved { get; init; } = -1;
}
