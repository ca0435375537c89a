using System;
using System.Text.Json.Nodes;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;

namespace DualWrite.Listener.Applying;

/// <summary>
/// One F&amp;O record mapped for Dataverse and what the decision needs besides the Dataverse record: the F&amp;O JSON (for a
/// conflict's review and the write-back), the state store's record key, the event (null for an initial sync), the
/// time that stands in for F&amp;O's modification, and whether F&amp;O is the master (initial sync).
/// </summary>
internal sealed record UpsertInput(TableMap Map, MappingResult Result, JsonObject FinOpsJson, string RecordKey, string? EventId, DateTime FinOpsModifiedUtc, bool Authoritative);
