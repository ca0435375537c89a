using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Emulators.Dataverse.Metadata;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// Turns alternate-key values into index text. Strings compare case-insensitively as under Dataverse's default
/// collation; references, option sets and money compare by their inner value.
/// </summary>
internal static class KeyValueText
{
    private const char Separator = '\u001f';

    /// <summary>Index text for a key read from a record's values; null when any key column is null (not indexed).</summary>
    public static string? FromValues(AlternateKeyMetadata key, IReadOnlyDictionary<string, object?> values)
    {
        var parts = new List<string>(key.Columns.Count);
        foreach (var column in key.Columns)
        {
            if (!values.TryGetValue(column, out var value) || value is null)
            {
                return null;
            }

            parts.Add(Normalize(value));
        }

        return string.Join(Separator, parts);
    }

    /// <summary>Index text for the values a caller gave in KeyAttributes.</summary>
    public static string FromKeyAttributes(AlternateKeyMetadata key, KeyAttributeCollection keyAttributes)
        => string.Join(Separator, key.Columns.Select(c => Normalize(keyAttributes[c])));

    public static string Normalize(object? value) => value switch
    {
        null => string.Empty,
        string s => "s:" + s.ToUpperInvariant(),
        EntityReference r => "g:" + r.Id.ToString("N"),
        Guid g => "g:" + g.ToString("N"),
        OptionSetValue o => "n:" + o.Value.ToString(CultureInfo.InvariantCulture),
        Money m => "n:" + m.Value.ToString(CultureInfo.InvariantCulture),
        int or long or decimal or short or byte => "n:" + Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        double d => "n:" + ((decimal)d).ToString(CultureInfo.InvariantCulture),
        DateTime dt => "d:" + dt.Ticks.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "b:1" : "b:0",
        _ => "o:" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
