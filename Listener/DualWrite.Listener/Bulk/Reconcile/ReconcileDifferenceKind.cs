namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>How the two sides of a record disagree.</summary>
public enum ReconcileDifferenceKind
{
    MissingInDataverse,
    MissingInFinOps,
    FieldDiffers,
}
