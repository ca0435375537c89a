using System;
using System.Text.Json.Nodes;

namespace DualWrite.Listener.Conflicts;

/// <summary>A conflict as the API and the CLI show it: both versions as they were when it was queued, the base, and its state.</summary>
public sealed record ConflictView(
    long Id,
    string Map,
    string Key,
    string? EventId,
    string Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    string? Resolution,
    JsonNode? FinOps,
    JsonNode? Dataverse,
    JsonNode? LastSynced)
{
    public static ConflictView From(ConflictEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var c = entry.Conflict;
        return new ConflictView(entry.Id, c.MapName, c.RecordKey, c.EventId, c.Reason, entry.CreatedAt, entry.ResolvedAt, entry.Resolution, Parse(c.FinOpsJson), Parse(c.DataverseJson), Parse(c.LastSyncedJson));
    }

    private static JsonNode? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
