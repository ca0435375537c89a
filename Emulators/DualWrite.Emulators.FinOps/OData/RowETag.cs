using System;
using System.Globalization;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>
/// The @odata.etag of a row: a weak ETag from a hash of its values, so any change gives a new tag and
/// rows need no stored version (a million rows stay compact). F&amp;O's own tags are opaque too.
/// </summary>
public static class RowETag
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static string Compute(EntitySetSchema set, object?[] row)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(row);
        var hash = OffsetBasis;
        // Formatted into a stack buffer, not a string per field: every row of a 10,000-row page gets a tag.
        Span<char> buffer = stackalloc char[64];
        foreach (var field in set.Fields)
        {
            var value = FieldValues.Read(field, row);
            scoped ReadOnlySpan<char> text;
            if (value is null)
            {
                text = [];
            }
            else if (value is string s)
            {
                text = s;
            }
            else if (value is DateTimeOffset d && d.UtcTicks.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
            {
                text = buffer[..written];
            }
            else if (value is not DateTimeOffset && value is ISpanFormattable span && span.TryFormat(buffer, out written, default, CultureInfo.InvariantCulture))
            {
                text = buffer[..written];
            }
            else
            {
                text = value switch
                {
                    DateTimeOffset other => other.UtcTicks.ToString(CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => other.ToString() ?? string.Empty,
                };
            }

            // FNV-1a over the characters, with a separator so ("ab","c") and ("a","bc") differ.
            foreach (var c in text)
            {
                hash = (hash ^ c) * Prime;
            }

            hash = (hash ^ 0xFFFF) * Prime;
        }

        return "W/\"" + hash.ToString("x16", CultureInfo.InvariantCulture) + "\"";
    }

    /// <summary>True when an If-Match header value allows writing a row whose current tag is <paramref name="current"/>.</summary>
    public static bool Matches(string ifMatch, string current)
    {
        ArgumentNullException.ThrowIfNull(ifMatch);
        foreach (var candidate in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (candidate == "*" || string.Equals(Weak(candidate), Weak(current), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Weak(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
