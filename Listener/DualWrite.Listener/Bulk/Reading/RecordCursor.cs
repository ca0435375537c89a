using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace DualWrite.Listener.Bulk.Reading;

/// <summary>
/// A position in a key-ordered read: the key fields (in $orderby order) and the values of the last row read.
/// Stored as JSON in checkpoints.
/// </summary>
public sealed record RecordCursor(IReadOnlyList<string> Fields, IReadOnlyList<string?> Values)
{
    public string ToJson() => JsonSerializer.Serialize(Fields.Zip(Values, (field, value) => new[] { field, value }).ToArray());

    public static RecordCursor Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var pairs = JsonSerializer.Deserialize<string?[][]>(json) ?? throw new FormatException("A record cursor must be a JSON array of [field, value] pairs.");
        if (pairs.Any(pair => pair.Length != 2 || pair[0] is null))
        {
            throw new FormatException("A record cursor must be a JSON array of [field, value] pairs: " + json);
        }

        return new RecordCursor(pairs.Select(pair => pair[0]!).ToArray(), pairs.Select(pair => pair[1]).ToArray());
    }
}
