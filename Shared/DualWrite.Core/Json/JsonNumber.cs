using System;
using System.Globalization;

namespace DualWrite.Core.Json;

/// <summary>
/// A JSON number, held as the exact text it was read from (or written as), so that money amounts and
/// 64-bit ids never pass through a double on their way between F&amp;O and Dataverse.
/// </summary>
public sealed class JsonNumber : JsonNode
{
    /// <param name="rawText">Number text in RFC 8259 grammar, for example <c>-12.50</c> or <c>1e-3</c>.</param>
    public JsonNumber(string rawText)
        : this(rawText, 0, 0)
    {
    }

    public JsonNumber(string rawText, int line, int column)
        : base(line, column)
    {
        if (rawText is null)
        {
            throw new ArgumentNullException(nameof(rawText));
        }

        if (ScanNumber(rawText, 0) != rawText.Length)
        {
            throw new ArgumentException("'" + rawText + "' is not a JSON number.", nameof(rawText));
        }

        RawText = rawText;
    }

    public override JsonNodeKind Kind => JsonNodeKind.Number;

    /// <summary>The number exactly as parsed or created; this is what the writer writes.</summary>
    public string RawText { get; }

    public static JsonNumber FromInt64(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Keeps the decimal's scale: 12.50m is written as 12.50.</summary>
    public static JsonNumber FromDecimal(decimal value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Shortest round-trippable text; NaN and infinities have no JSON form and are refused.</summary>
    public static JsonNumber FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no representation for NaN or infinity.");
        }

        return new(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>The value as a decimal; throws <see cref="OverflowException"/> beyond decimal's range.</summary>
    public decimal ToDecimal() => decimal.Parse(RawText, NumberStyles.Float, CultureInfo.InvariantCulture);

    public bool TryGetDecimal(out decimal value) =>
        decimal.TryParse(RawText, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>True when the number is an integer in long's range, whatever its spelling (1, 1.0, 1e0).</summary>
    public bool TryGetInt64(out long value)
    {
        if (long.TryParse(RawText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (TryGetDecimal(out var d) && d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The nearest double (may lose precision; prefer <see cref="ToDecimal"/> for amounts).</summary>
    public double ToDouble() => double.Parse(RawText, NumberStyles.Float, CultureInfo.InvariantCulture);

    internal bool ValueEquals(JsonNumber other)
    {
        if (string.Equals(RawText, other.RawText, StringComparison.Ordinal))
        {
            return true;
        }

        if (TryGetDecimal(out var a) && other.TryGetDecimal(out var b))
        {
            return a == b;
        }

        // Beyond decimal's range: compare as doubles (netfx's double.TryParse refuses overflow).
        return double.TryParse(RawText, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(other.RawText, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            && x.Equals(y);
    }

    /// <summary>
    /// Scans RFC 8259's <c>number</c> production from <paramref name="start"/>; returns the index after
    /// the number, or -1 with nothing valid. Shared with the parser so both agree on the grammar.
    /// </summary>
    internal static int ScanNumber(string text, int start)
    {
        var i = start;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !IsDigit(text[i]))
        {
            return -1;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (i >= text.Length || !IsDigit(text[i]))
            {
                return -1;
            }

            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            if (i >= text.Length || !IsDigit(text[i]))
            {
                return -1;
            }

            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
