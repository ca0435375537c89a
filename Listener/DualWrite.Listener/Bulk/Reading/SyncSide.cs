namespace DualWrite.Listener.Bulk.Reading;

/// <summary>One of the two systems a map joins.</summary>
public enum SyncSide
{
    FinOps,
    Dataverse,
}
