using System;

namespace DualWrite.Listener.SyncState;

/// <summary>
/// The field values last synced for one record (the base of a three-way merge). <see cref="Version"/>
/// starts at 1 and goes up by one with each save; saves name the version they read (optimistic concurrency).
/// </summary>
public sealed record SyncedRecord(string RecordKey, string FieldsJson, long Version, DateTimeOffset UpdatedAt);
