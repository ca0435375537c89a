using System;
using System.Globalization;
using System.Text;

namespace DualWrite.Core.Keys;

/// <summary>
/// OData v4 primitive literals as they appear in key predicates and <c>$filter</c> (before URL escaping).
/// One place for both directions, so what the plug-in sends to F&amp;O and what the listener sends to
/// Dataverse is spelled the same way and can be read back.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>string: <c>'O''Neil'</c> (single quotes, inner quotes doubled)</item>
/// <item>Guid: <c>01234567-89ab-cdef-0123-456789abcdef</c> (unquoted, lower case)</item>
/// <item>integers and decimals: invariant digits, unquoted; double: shortest round-trip form, <c>INF</c>, <c>-INF</c>, <c>NaN</c></item>
/// <item>bool: <c>true</c>/<c>false</c>; null: <c>null</c></item>
/// <item>Edm.DateTimeOffset: ISO 8601 in UTC, <c>2024-05-01T13:45:00Z</c>, fraction only when non-zero</item>
/// <item>Edm.Date (<see cref="ODataDate"/>): <c>2024-05-01</c></item>
/// <item>enum (<see cref="ODataEnumValue"/>): <c>Microsoft.Dynamics.DataEntities.NoYes'Yes'</c></item>
/// </list>
/// A <see cref="DateTime"/> is read as UTC when its kind is Utc or Unspecified (both services hand out
/// UTC), and converted when Local.
/// </remarks>
public static class ODataLiteral
{
    /// <summary>The literal text for a .NET value; throws <see cref="ArgumentException"/> for unsupported types.</summary>
    public static string Format(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                return "'" + s.Replace("'", "''") + "'";
            case bool b:
                return b ? "true" : "false";
            case Guid g:
                return g.ToString("D", CultureInfo.InvariantCulture);
            case byte or sbyte or short or ushort or int or uint or long or ulong:
                return Convert.ToString(value, CultureInfo.InvariantCulture)!;
            case decimal m:
                return m.ToString(CultureInfo.InvariantCulture);
            case double d:
                return FormatDouble(d);
            case float f:
                return FormatDouble(f);
            case DateTimeOffset dto:
                return FormatDateTimeOffset(dto);
            case DateTime dt:
                return FormatDateTimeOffset(ToUtcOffset(dt));
            case ODataDate date:
                return date.ToString();
            case ODataEnumValue e:
                return e.TypeName + "'" + e.Symbol.Replace("'", "''") + "'";
            default:
                throw new ArgumentException(
                    "A " + value.GetType().FullName + " cannot be written as an OData literal (supported: string, Guid, integers, decimal, double, bool, DateTimeOffset, DateTime, ODataDate, ODataEnumValue, null).",
                    nameof(value));
        }
    }

    /// <summary>
    /// Reads one whole literal. Values come back as: null, string, bool, long (integers in range),
    /// decimal (other numbers in range), double (beyond decimal, INF, NaN), Guid, DateTimeOffset,
    /// <see cref="ODataDate"/>, <see cref="ODataEnumValue"/>.
    /// </summary>
    public static bool TryParse(string text, out object? value)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var end = Scan(text, 0, out value, out _);
        if (end == text.Length)
        {
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Converts a DateTime to a UTC DateTimeOffset (Unspecified counts as UTC).</summary>
    public static DateTimeOffset ToUtcOffset(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };

    /// <summary>odataIdentifier: a letter or underscore, then up to 127 letters, digits or underscores (ASCII).</summary>
    public static bool IsIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name) || name!.Length > 128 || !IsIdentifierStart(name[0]))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!IsIdentifierPart(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Identifiers separated by dots, e.g. <c>Microsoft.Dynamics.DataEntities.NoYes</c>.</summary>
    public static bool IsQualifiedName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var part in name!.Split('.'))
        {
            if (!IsIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsIdentifierStart(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';

    internal static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || (c >= '0' && c <= '9');

    /// <summary>
    /// Scans one literal at <paramref name="start"/>. Returns the index after it, or -1 when no literal
    /// starts there (<paramref name="error"/> then says why, when something literal-like was found).
    /// </summary>
    internal static int Scan(string text, int start, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (start >= text.Length)
        {
            error = "expected a literal but found the end of the text";
            return -1;
        }

        if (text[start] == '\'')
        {
            var end = ScanQuoted(text, start, out var s, out error);
            value = s;
            return end;
        }

        // Enum literal: a qualified name directly followed by a quoted symbol.
        var nameEnd = start;
        while (nameEnd < text.Length && (IsIdentifierPart(text[nameEnd]) || text[nameEnd] == '.'))
        {
            nameEnd++;
        }

        if (nameEnd > start && nameEnd < text.Length && text[nameEnd] == '\'')
        {
            var typeName = text.Substring(start, nameEnd - start);
            if (!IsQualifiedName(typeName))
            {
                error = "expected a qualified enum type name before the quote but found '" + typeName + "'";
                return -1;
            }

            var end = ScanQuoted(text, nameEnd, out var symbol, out error);
            if (end < 0)
            {
                return -1;
            }

            value = new ODataEnumValue(typeName, symbol!);
            return end;
        }

        var tokenEnd = start;
        while (tokenEnd < text.Length && IsTokenChar(text[tokenEnd]))
        {
            tokenEnd++;
        }

        if (tokenEnd == start)
        {
            error = "expected a literal but found '" + text[start] + "'";
            return -1;
        }

        var token = text.Substring(start, tokenEnd - start);
        if (TryClassify(token, out value))
        {
            return tokenEnd;
        }

        error = "'" + token + "' is not a literal (expected a quoted string, number, Guid, date, true, false, null or Type'Symbol')";
        value = null;
        return -1;
    }

    private static int ScanQuoted(string text, int quote, out string? value, out string? error)
    {
        var sb = new StringBuilder();
        var i = quote + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    sb.Append('\'');
                    i += 2;
                    continue;
                }

                value = sb.ToString();
                error = null;
                return i + 1;
            }

            sb.Append(c);
            i++;
        }

        value = null;
        error = "expected a closing quote for the string starting at position " + (quote + 1).ToString(CultureInfo.InvariantCulture) + " but found the end of the text";
        return -1;
    }

    private static bool IsTokenChar(char c) =>
        IsIdentifierPart(c) || c == '-' || c == '+' || c == '.' || c == ':';

    private static bool TryClassify(string token, out object? value)
    {
        switch (token)
        {
            case "null":
                value = null;
                return true;
            case "true":
                value = true;
                return true;
            case "false":
                value = false;
                return true;
            case "INF":
                value = double.PositiveInfinity;
                return true;
            case "-INF":
                value = double.NegativeInfinity;
                return true;
            case "NaN":
                value = double.NaN;
                return true;
        }

        if (token.Length == 36 && token[8] == '-' && Guid.TryParseExact(token, "D", out var guid))
        {
            value = guid;
            return true;
        }

        if (token.Length == 10 && token[4] == '-' && token[7] == '-'
            && DateTime.TryParseExact(token, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = ODataDate.FromDateTime(date);
            return true;
        }

        if (token.Length > 10 && token[4] == '-' && token[10] == 'T')
        {
            return TryParseDateTimeOffset(token, out value);
        }

        return TryParseNumber(token, out value);
    }

    private static bool TryParseDateTimeOffset(string token, out object? value)
    {
        value = null;

        // The zone is required (Z or ±hh:mm): an instant without one would be read in the server's zone.
        var hasZone = token.EndsWith("Z", StringComparison.Ordinal)
            || (token.Length > 6 && (token[token.Length - 6] == '+' || token[token.Length - 6] == '-') && token[token.Length - 3] == ':');
        if (!hasZone)
        {
            return false;
        }

        var formats = new[] { "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK" };
        if (DateTimeOffset.TryParseExact(token, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto))
        {
            value = dto;
            return true;
        }

        return false;
    }

    private static bool TryParseNumber(string token, out object? value)
    {
        value = null;

        // Same shape as JSON numbers, which is the OData decimal/double literal grammar.
        if (Json.JsonNumber.ScanNumber(token, 0) != token.Length)
        {
            return false;
        }

        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            value = l;
            return true;
        }

        if (decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var m))
        {
            value = m;
            return true;
        }

        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            value = d;
            return true;
        }

        // netfx refuses overflow; OData would call it INF.
        value = token[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        return true;
    }

    private static string FormatDouble(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsPositiveInfinity(d))
        {
            return "INF";
        }

        if (double.IsNegativeInfinity(d))
        {
            return "-INF";
        }

        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string FormatDateTimeOffset(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            text += "." + fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + "Z";
    }
}
