namespace DualWrite.Listener.Conflicts;

/// <summary>A conflict to queue for manual review: both sides' versions and the last synced base.</summary>
public sealed record NewConflict(
    string RecordKey,
    string MapName,
    string? EventId,
    string FinOpsJson,
    string DataverseJson,
    string? LastSyncedJson,
    string Reason);
