using System.Text.Json.Nodes;
using DualWrite.Core.Conflicts;
using DualWrite.Listener.SyncState;

namespace DualWrite.Listener.Applying;

/// <summary>
/// What the decision left to write for one record: the Dataverse body (the whole payload to create, only the fields the
/// policy chose to update), the record as read, and what to save as the new base once the write succeeds.
/// </summary>
internal sealed record PlannedUpsert(
    UpsertInput Input,
    string Context,
    JsonObject Body,
    bool Creating,
    JsonObject? Current,
    ConflictResolution Resolution,
    SyncedRecord? Synced,
    bool KeptAgreed);
