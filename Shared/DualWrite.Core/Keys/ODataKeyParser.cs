using System;
using System.Collections.Generic;

namespace DualWrite.Core.Keys;

/// <summary>
/// Reads key predicates and entity paths back: percent-decodes (strict UTF-8), then parses
/// <c>(value)</c> or <c>(name=value,...)</c> with typed literals (see <see cref="ODataLiteral.TryParse"/>).
/// Used by the emulators to route requests, and by tests to prove the formatter round-trips.
/// </summary>
public static class ODataKeyParser
{
    /// <summary>Parses <c>(...)</c>, escaped or not. Throws <see cref="ODataKeyParseException"/>.</summary>
    public static ODataKey ParsePredicate(string predicate)
    {
        if (predicate is null)
        {
            throw new ArgumentNullException(nameof(predicate));
        }

        return ParseDecodedPredicate(Decode(predicate));
    }

    /// <summary>
    /// Parses <c>(...)</c> whose percent-encoding is already undone (a request path as ASP.NET hands it out),
    /// so a '%' inside a string value is read as itself. Throws <see cref="ODataKeyParseException"/>.
    /// </summary>
    public static ODataKey ParseDecodedPredicate(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var end = ParseAt(text, 0, out var key);
        if (end != text.Length)
        {
            throw new ODataKeyParseException(text, end + 1, "expected the end of the key after ')' but found '" + text[end] + "'");
        }

        return key;
    }

    /// <summary>
    /// Parses <c>EntitySet(...)</c>, optionally with a leading '/' (as in <c>@odata.bind</c> values).
    /// Throws <see cref="ODataKeyParseException"/>.
    /// </summary>
    public static ODataEntityPath ParseEntityPath(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var text = Decode(path);
        var i = text.StartsWith("/", StringComparison.Ordinal) ? 1 : 0;
        var nameStart = i;
        while (i < text.Length && ODataLiteral.IsIdentifierPart(text[i]))
        {
            i++;
        }

        var entitySet = text.Substring(nameStart, i - nameStart);
        if (!ODataLiteral.IsIdentifier(entitySet))
        {
            throw new ODataKeyParseException(text, nameStart + 1, "expected an entity set name but found " + Describe(text, nameStart));
        }

        var end = ParseAt(text, i, out var key);
        if (end != text.Length)
        {
            throw new ODataKeyParseException(text, end + 1, "expected the end of the path after ')' but found '" + text[end] + "'");
        }

        return new ODataEntityPath(entitySet, key);
    }

    public static bool TryParsePredicate(string predicate, out ODataKey? key, out string? error)
    {
        try
        {
            key = ParsePredicate(predicate);
            error = null;
            return true;
        }
        catch (ODataKeyParseException ex)
        {
            key = null;
            error = ex.Message;
            return false;
        }
    }

    private static string Decode(string text)
    {
        try
        {
            return ODataUrlEncoding.Unescape(text);
        }
        catch (FormatException ex)
        {
            throw new ODataKeyParseException("Invalid OData key \"" + text + "\": " + ex.Message, ex);
        }
    }

    private static int ParseAt(string text, int start, out ODataKey key)
    {
        if (start >= text.Length || text[start] != '(')
        {
            throw new ODataKeyParseException(text, start + 1, "expected '(' to start the key but found " + Describe(text, start));
        }

        var i = start + 1;

        // Unnamed single value unless an identifier is followed by '='.
        var nameEnd = i;
        while (nameEnd < text.Length && ODataLiteral.IsIdentifierPart(text[nameEnd]))
        {
            nameEnd++;
        }

        if (nameEnd == i || nameEnd >= text.Length || text[nameEnd] != '=' || !ODataLiteral.IsIdentifierStart(text[i]))
        {
            i = ReadValue(text, i, null, out var single);
            Expect(text, i, ')', "after the key value");
            key = ODataKey.Unnamed(single);
            return i + 1;
        }

        var parts = new List<KeyValuePair<string, object>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var nameStart = i;
            while (i < text.Length && ODataLiteral.IsIdentifierPart(text[i]))
            {
                i++;
            }

            var name = text.Substring(nameStart, i - nameStart);
            if (!ODataLiteral.IsIdentifier(name))
            {
                throw new ODataKeyParseException(text, nameStart + 1, "expected a key property name but found " + Describe(text, nameStart));
            }

            if (!names.Add(name))
            {
                throw new ODataKeyParseException(text, nameStart + 1, "the key property '" + name + "' appears twice");
            }

            Expect(text, i, '=', "after the key property name '" + name + "'");
            i = ReadValue(text, i + 1, name, out var value);
            parts.Add(new KeyValuePair<string, object>(name, value));
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            Expect(text, i, ')', "after the value of '" + name + "' (',' for another part)");
            key = ODataKey.Named(parts);
            return i + 1;
        }
    }

    private static int ReadValue(string text, int start, string? name, out object value)
    {
        var end = ODataLiteral.Scan(text, start, out var parsed, out var error);
        var what = name is null ? "the key value" : "the value of '" + name + "'";
        if (end < 0)
        {
            throw new ODataKeyParseException(text, start + 1, "expected " + what + " but " + (error ?? "found nothing"));
        }

        value = parsed ?? throw new ODataKeyParseException(text, start + 1, what + " is null, and key values cannot be null");
        return end;
    }

    private static void Expect(string text, int i, char expected, string where)
    {
        if (i >= text.Length || text[i] != expected)
        {
            throw new ODataKeyParseException(text, i + 1, "expected '" + expected + "' " + where + " but found " + Describe(text, i));
        }
    }

    private static string Describe(string text, int i) => i >= text.Length ? "the end of the text" : "'" + text[i] + "'";
}
