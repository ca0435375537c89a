using System.Collections.Generic;
using System.Text.Json.Nodes;
using DualWrite.Core.Records;
using DualWrite.Listener.Bulk.Writing;

namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>
/// One source row after mapping: the batch item and the values the target will hold once it is written (by
/// Dataverse column: what the state store keeps as last synced), or why it is not written now. A ready record
/// lets go of its source row (the item is all that is written, also when sent again), so rows in the writers'
/// hands do not hold their pages; a waiting one keeps it, to map again in the map's second pass.
/// </summary>
public sealed record MappedRecord(
    MappedRecordKind Kind,
    JsonObject? Row,
    string SourceKey,
    BulkItem? Item,
    IReadOnlyDictionary<string, RecordValue>? SyncedValues,
    string? Field,
    string? Reason)
{
    public static MappedRecord Ready(BulkItem item, IReadOnlyDictionary<string, RecordValue> syncedValues) =>
        new(MappedRecordKind.Ready, null, item.SourceKey, item, syncedValues, null, null);

    public static MappedRecord Filtered(JsonObject row, string sourceKey) => new(MappedRecordKind.Filtered, row, sourceKey, null, null, null, null);

    public static MappedRecord Waiting(JsonObject row, string sourceKey, string? field, string reason) => new(MappedRecordKind.Waiting, row, sourceKey, null, null, field, reason);

    public static MappedRecord Failed(JsonObject row, string sourceKey, string? field, string reason) => new(MappedRecordKind.Failed, row, sourceKey, null, null, field, reason);
}
