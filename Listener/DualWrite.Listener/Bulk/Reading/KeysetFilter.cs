using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Core.Keys;
using DualWrite.Core.Maps;

namespace DualWrite.Listener.Bulk.Reading;

/// <summary>
/// The <c>$filter</c> and <c>$orderby</c> of a keyset read: rows strictly after a cursor in key order, written as
/// <c>(k1 gt v1) or (k1 eq v1 and k2 gt v2) or ...</c>, which both services evaluate against their own ordering.
/// </summary>
public static class KeysetFilter
{
    public static string OrderBy(IReadOnlyList<KeyColumn> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return string.Join(",", keys.Select(key => key.Property + " asc"));
    }

    /// <summary>The "after the cursor" condition; throws when the cursor was taken over other key columns.</summary>
    public static string After(IReadOnlyList<KeyColumn> keys, RecordCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(cursor);
        if (cursor.Fields.Count != keys.Count || cursor.Values.Count != keys.Count
            || !cursor.Fields.SequenceEqual(keys.Select(key => key.Property), StringComparer.Ordinal))
        {
            throw new ArgumentException(
                "The cursor (" + string.Join(", ", cursor.Fields) + ") does not match the key columns of this read (" + string.Join(", ", keys.Select(k => k.Property)) + ").",
                nameof(cursor));
        }

        var alternatives = new List<string>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var terms = new List<string>(i + 1);
            for (var j = 0; j < i; j++)
            {
                terms.Add(SameAs(keys[j], cursor.Values[j]));
            }

            // Nulls sort first on both services, so "after null" is "not null".
            terms.Add(cursor.Values[i] is null
                ? keys[i].Property + " ne null"
                : keys[i].Property + " gt " + Literal(keys[i], cursor.Values[i]));
            alternatives.Add(terms.Count == 1 ? terms[0] : "(" + string.Join(" and ", terms) + ")");
        }

        return alternatives.Count == 1 ? alternatives[0] : string.Join(" or ", alternatives.Select(a => a.StartsWith('(') ? a : "(" + a + ")"));
    }

    /// <summary>
    /// "Equal to the cursor's value". F&amp;O reads <c>*</c> in an <c>eq</c> text literal as a wildcard, which would pull
    /// in other rows (read twice), so such a value is bracketed by <c>ge</c> and <c>le</c>, which take it literally.
    /// </summary>
    private static string SameAs(KeyColumn key, string? value)
    {
        var literal = Literal(key, value);
        return key.Type == FieldType.String && value is not null && value.Contains('*', StringComparison.Ordinal)
            ? "(" + key.Property + " ge " + literal + " and " + key.Property + " le " + literal + ")"
            : key.Property + " eq " + literal;
    }

    /// <summary>The parts joined by <c>and</c>, each in parentheses; null when there are none.</summary>
    public static string? And(params string?[] parts)
    {
        var present = parts.Where(part => !string.IsNullOrWhiteSpace(part)).ToList();
        return present.Count switch
        {
            0 => null,
            1 => present[0],
            _ => string.Join(" and ", present.Select(part => "(" + part + ")")),
        };
    }

    /// <summary>A cursor value (as text) as the OData literal of the column's type.</summary>
    public static string Literal(KeyColumn key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value is null)
        {
            return "null";
        }

        return key.Type switch
        {
            FieldType.Guid or FieldType.Lookup => ODataLiteral.Format(Guid.Parse(value)),
            FieldType.Int or FieldType.Long or FieldType.Choice => ODataLiteral.Format(long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture)),
            FieldType.Decimal or FieldType.Money => ODataLiteral.Format(decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)),
            FieldType.Bool => ODataLiteral.Format(bool.Parse(value)),
            FieldType.DateTime => ODataLiteral.Format(DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)),
            _ => ODataLiteral.Format(value),
        };
    }
}
