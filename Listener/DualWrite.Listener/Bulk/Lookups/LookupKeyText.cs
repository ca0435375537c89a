using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualWrite.Listener.Bulk.Lookups;

/// <summary>
/// One text per alternate-key value tuple, the same whether the values come from a key (<c>'usmf'</c>, a Guid)
/// or from a row Dataverse returned (JSON): lets a bulk query's rows be matched back to the lookups that asked.
/// Upper-cased: Dataverse compares keys without regard to case.
/// </summary>
public static class LookupKeyText
{
    private const char Separator = '\u001f';

    public static string Of(IEnumerable<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder();
        foreach (var value in values)
        {
            text.Append(Format(value)).Append(Separator);
        }

        return text.ToString().ToUpperInvariant();
    }

    /// <summary>The tuple of <paramref name="row"/>'s values of <paramref name="fields"/>.</summary>
    public static string OfRow(JsonObject row, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(fields);
        var values = new object?[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            values[i] = row[fields[i]];
        }

        return Of(values);
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        Guid id => id.ToString("D"),
        bool flag => flag ? "true" : "false",
        JsonValue json => FormatJson(json),
        JsonNode node => node.ToJsonString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string FormatJson(JsonValue json) => json.GetValueKind() switch
    {
        JsonValueKind.String => json.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => string.Empty,
        _ => json.ToJsonString(),
    };
}
