using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>
/// An error's record as F&amp;O and Dataverse hold it now: the map's fields side by side with the differing ones marked,
/// and both raw records (null when that side has none). <paramref name="Note"/> says why a side could not be read.
/// </summary>
public sealed record RecordsSideBySide(long ErrorId, string Map, string Key, IReadOnlyList<FieldComparison> Fields, JsonObject? FinOps, JsonObject? Dataverse, string? Note);
