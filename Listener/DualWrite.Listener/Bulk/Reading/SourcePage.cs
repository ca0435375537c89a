using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace DualWrite.Listener.Bulk.Reading;

/// <summary>One page of rows as the service returned them, and the cursor of its last row (null when empty).</summary>
public sealed record SourcePage(IReadOnlyList<JsonObject> Rows, RecordCursor? Last);
