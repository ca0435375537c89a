namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>
/// One disagreement: a record one side lacks, or one field whose values differ once mapped (<paramref name="Field"/>
/// as users of both know it, the F&amp;O name when there is one; values as text, the master's mapped to the other side).
/// <paramref name="Key"/> is the master-side source key (<c>dataAreaId=usmf, CustomerAccount=US-001</c>).
/// </summary>
public sealed record ReconcileDifference(
    string Map,
    string? Company,
    string Key,
    ReconcileDifferenceKind Kind,
    string? Field,
    string? FinOpsValue,
    string? DataverseValue);
