using System;
using System.Globalization;
using DualWrite.Core.Json;
using DualWrite.Core.Records;

namespace DualWrite.Core.Maps.Loading;

/// <summary>Reads a JSON literal of a map file (default, constant, value-map entry) as a value of a declared type.</summary>
internal static class LiteralReader
{
    // A date/time literal must say its offset: an unzoned time would mean whatever the reader's zone is.
    private static readonly string[] DateTimeFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
    };

    /// <summary>Null when the literal is valid; otherwise the reason, to follow "expected".</summary>
    public static string? TryRead(JsonNode node, FieldType type, out RecordValue value)
    {
        value = RecordValue.Null;
        switch (type)
        {
            case FieldType.String:
                if (node is JsonString text)
                {
                    value = RecordValue.FromString(text.Value);
                    return null;
                }

                return "a string";

            case FieldType.Int:
            case FieldType.Choice:
                return ReadInteger(node, int.MinValue, int.MaxValue, out value) ? null : "a whole number in the 32-bit range";

            case FieldType.Long:
                return ReadInteger(node, long.MinValue, long.MaxValue, out value) ? null : "a whole number";

            case FieldType.Decimal:
            case FieldType.Money:
                if (node is JsonNumber number && number.TryGetDecimal(out var amount))
                {
                    value = type == FieldType.Money ? RecordValue.FromMoney(amount) : RecordValue.FromDecimal(amount);
                    return null;
                }

                return "a number";

            case FieldType.Bool:
                if (node is JsonBoolean flag)
                {
                    value = RecordValue.FromBoolean(flag.Value);
                    return null;
                }

                return "true or false";

            case FieldType.Date:
                if (node is JsonString day
                    && DateTime.TryParseExact(day.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    value = RecordValue.FromDateTime(DateTime.SpecifyKind(date, DateTimeKind.Utc));
                    return null;
                }

                return "a date as \"yyyy-MM-dd\"";

            case FieldType.DateTime:
                if (node is JsonString moment && HasOffset(moment.Value)
                    && DateTimeOffset.TryParseExact(moment.Value, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
                {
                    value = RecordValue.FromDateTime(instant.UtcDateTime);
                    return null;
                }

                return "a date and time with Z or an offset, as \"2026-01-31T08:00:00Z\"";

            case FieldType.Guid:
                if (node is JsonString id && Guid.TryParse(id.Value, out var guid))
                {
                    value = RecordValue.FromGuid(guid);
                    return null;
                }

                return "a GUID string";

            case FieldType.Enum:
                if (node is JsonString symbol && symbol.Value.Length > 0)
                {
                    value = RecordValue.FromString(symbol.Value);
                    return null;
                }

                return ReadInteger(node, int.MinValue, int.MaxValue, out value) ? null : "an enum symbol (string) or enum value (whole number)";

            default:
                return "no literal (a lookup takes none)";
        }
    }

    private static bool ReadInteger(JsonNode node, long min, long max, out RecordValue value)
    {
        value = RecordValue.Null;
        if (node is JsonNumber number && number.TryGetInt64(out var integer) && integer >= min && integer <= max)
        {
            value = RecordValue.FromInteger(integer);
            return true;
        }

        return false;
    }

    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T');
        return time > 0 && (text.EndsWith("Z", StringComparison.Ordinal) || text.IndexOf('+', time) > 0 || text.IndexOf('-', time) > 0);
    }
}
