using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Core.Keys;

namespace DualWrite.Listener.Applying;

/// <summary>
/// Reads many records by key in few requests: <c>(k1 eq 'a' and k2 eq 'b') or (...)</c> filters cut to fit a URL, and
/// the matching of the rows that come back to the keys asked for. Only keys of strings, whole numbers and ids are
/// matched (compared as the services do, ignoring case); a key of another type returns null, and its record is read
/// one by one instead, so a near miss can never pass for an absent record.
/// </summary>
public static class BatchKeyFilter
{
    /// <summary>
    /// The longest escaped <c>$filter</c> of one request: with the rest of the URL it stays under the 8 KB request
    /// line many servers (Kestrel, IIS defaults) accept.
    /// </summary>
    public const int MaxEscapedFilterLength = 6000;

    /// <summary>The key's comparable text (<c>name=value|...</c>, names in order); null when a part's type is not matched.</summary>
    public static string? KeyText(ODataKey key, string unnamedField)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = new List<string>(key.Parts.Count);
        foreach (var part in key.Parts.OrderBy(p => p.Name ?? unnamedField, StringComparer.Ordinal))
        {
            var value = part.Value switch
            {
                string text => text,
                long or int or short => Convert.ToString(part.Value, CultureInfo.InvariantCulture),
                Guid id => id.ToString("D"),
                _ => null,
            };
            if (value is null)
            {
                return null;
            }

            parts.Add((part.Name ?? unnamedField) + "=" + value);
        }

        return string.Join("|", parts);
    }

    /// <summary>The same text read from a returned row by the key's field names; null when a field is missing or not matched.</summary>
    public static string? RowText(JsonObject row, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(fields);
        var parts = new List<string>(fields.Count);
        foreach (var field in fields.OrderBy(f => f, StringComparer.Ordinal))
        {
            if (row[field] is not JsonValue node)
            {
                return null;
            }

            string? value = node.GetValueKind() switch
            {
                JsonValueKind.String => node.GetValue<string>(),
                JsonValueKind.Number when node.TryGetValue<long>(out var whole) => whole.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (value is null)
            {
                return null;
            }

            // Ids come back in whichever case the service writes them; keys compare ignoring case anyway.
            parts.Add(field + "=" + (Guid.TryParseExact(value, "D", out var id) ? id.ToString("D") : value));
        }

        return string.Join("|", parts);
    }

    /// <summary>The key as a filter clause: <c>(name eq literal and ...)</c>.</summary>
    public static string Clause(ODataKey key, string unnamedField)
    {
        ArgumentNullException.ThrowIfNull(key);
        return "(" + string.Join(" and ", key.Parts.Select(part => (part.Name ?? unnamedField) + " eq " + ODataLiteral.Format(part.Value))) + ")";
    }

    /// <summary>The items cut into runs whose <c>or</c>-joined clauses fit <see cref="MaxEscapedFilterLength"/> escaped.</summary>
    public static IReadOnlyList<(IReadOnlyList<T> Items, string Filter)> Chunk<T>(IReadOnlyList<T> items, Func<T, string> clause)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(clause);
        var chunks = new List<(IReadOnlyList<T>, string)>();
        var current = new List<T>();
        var clauses = new List<string>();
        var length = 0;
        const int OrLength = 8; // " or " escaped.
        foreach (var item in items)
        {
            var text = clause(item);
            var escaped = Uri.EscapeDataString(text).Length;
            if (current.Count > 0 && length + OrLength + escaped > MaxEscapedFilterLength)
            {
                chunks.Add((current, string.Join(" or ", clauses)));
                current = new List<T>();
                clauses = new List<string>();
                length = 0;
            }

            length += (current.Count > 0 ? OrLength : 0) + escaped;
            current.Add(item);
            clauses.Add(text);
        }

        if (current.Count > 0)
        {
            chunks.Add((current, string.Join(" or ", clauses)));
        }

        return chunks;
    }
}
