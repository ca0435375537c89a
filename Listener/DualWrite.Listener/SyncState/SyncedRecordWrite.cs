namespace DualWrite.Listener.SyncState;

/// <summary>One record's last synced values (<see cref="SyncedRecord.FieldsJson"/>'s format) for a batched save.</summary>
public sealed record SyncedRecordWrite(string RecordKey, string FieldsJson);
