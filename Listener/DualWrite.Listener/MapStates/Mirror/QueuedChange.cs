using System;
using System.Text.Json.Nodes;
using DualWrite.Core.Pausing;

namespace DualWrite.Listener.MapStates.Mirror;

/// <summary>One row of <see cref="QueuedChangeTable"/>: a save of a paused map, as the plug-in would have sent it to F&amp;O.</summary>
public sealed record QueuedChange(Guid Id, string Name, string Map, string EntitySet, string FinOpsRecord, string Operation, string? Body, long Sequence, int Attempts)
{
    /// <summary>The columns to read.</summary>
    public static readonly string[] Columns =
    [
        QueuedChangeTable.Id, QueuedChangeTable.Name, QueuedChangeTable.Map, QueuedChangeTable.EntitySetName, QueuedChangeTable.FinOpsRecord,
        QueuedChangeTable.Operation, QueuedChangeTable.Body, QueuedChangeTable.Sequence, QueuedChangeTable.Attempts,
    ];

    /// <summary>The row as the Web API returns it; null when a column the sender needs is missing.</summary>
    public static QueuedChange? From(JsonObject row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Guid.TryParse(Text(row, QueuedChangeTable.Id), out var id)
            && Text(row, QueuedChangeTable.Map) is { } map
            && Text(row, QueuedChangeTable.EntitySetName) is { } entitySet
            && Text(row, QueuedChangeTable.FinOpsRecord) is { } record
            && Text(row, QueuedChangeTable.Operation) is { } operation
            ? new QueuedChange(id, Text(row, QueuedChangeTable.Name) ?? record, map, entitySet, record, operation, Text(row, QueuedChangeTable.Body), Number(row, QueuedChangeTable.Sequence), (int)Number(row, QueuedChangeTable.Attempts))
            : null;
    }

    public override string ToString() => Operation + " " + FinOpsRecord + " (" + Name + ")";

    private static string? Text(JsonObject row, string column) =>
        row[column] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static long Number(JsonObject row, string column) =>
        row[column] is JsonValue value && value.TryGetValue<long>(out var number) ? number : 0;
}
