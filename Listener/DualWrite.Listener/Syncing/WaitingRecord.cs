using System.Text.Json.Nodes;

namespace DualWrite.Listener.Syncing;

/// <summary>An F&amp;O row the initial sync tries again at the end of its map, with why it had to wait (reported if it still cannot be written).</summary>
internal sealed record WaitingRecord(JsonObject Row, string Reason);
