using System;
using System.Text;

namespace DualWrite.Core.Keys;

/// <summary>
/// Percent-encoding (RFC 3986, UTF-8) for the pieces of OData URLs this project builds.
/// </summary>
/// <remarks>
/// Key segments: OData's ABNF (odata-abnf-construction-rules, rule <c>string</c> /
/// <c>pchar-no-SQUOTE</c>) lets a string literal in a path carry unreserved characters, the
/// sub-delimiters except the quote, ':' and '@' unencoded, everything else percent-encoded, and the
/// quote itself only doubled (<c>''</c>). We keep only the unreserved set (A-Z a-z 0-9 - . _ ~) and the
/// quote unencoded inside values and encode the rest, sub-delimiters included: that is always allowed
/// (pct-encoded is in pchar), servers decode the segment before reading the literal, and it avoids
/// '+' being read as a space, '&amp;'/'='/';' confusing proxies, and ':' in the first segment of a
/// relative reference looking like a scheme. The structural characters we write ourselves
/// ( '(' ')' ',' '=' ) stay literal so the URL reads like the documentation's examples.
/// </remarks>
public static class ODataUrlEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes everything except unreserved characters and the single quote (used for key literals).</summary>
    public static string EscapeKeyLiteral(string literal) => Escape(literal, c => IsUnreserved(c) || c == '\'');

    /// <summary>
    /// Encodes a query option value such as a <c>$filter</c> expression: keeps unreserved characters and
    /// the ones OData expressions need that are safe in a query (' ( ) , : / *), encodes the rest
    /// (space as %20, '&amp;', '=', '+', '#', '%', non-ASCII).
    /// </summary>
    public static string EscapeQueryValue(string value) =>
        Escape(value, c => IsUnreserved(c) || c == '\'' || c == '(' || c == ')' || c == ',' || c == ':' || c == '/' || c == '*');

    /// <summary>Unreserved characters of RFC 3986: never need encoding.</summary>
    public static bool IsUnreserved(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';

    /// <summary>
    /// Decodes %XX sequences as UTF-8. Strict: a '%' not followed by two hex digits, or bytes that are not
    /// valid UTF-8, throw <see cref="FormatException"/>. '+' is left alone (it means space only in forms).
    /// </summary>
    public static string Unescape(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.IndexOf('%') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var bytes = new byte[text.Length / 3];
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '%')
            {
                sb.Append(text[i]);
                i++;
                continue;
            }

            var count = 0;
            var runStart = i;
            while (i < text.Length && text[i] == '%')
            {
                if (i + 2 >= text.Length || HexValue(text[i + 1]) < 0 || HexValue(text[i + 2]) < 0)
                {
                    throw new FormatException("'%' at position " + (i + 1) + " is not followed by two hex digits.");
                }

                bytes[count++] = (byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2]));
                i += 3;
            }

            try
            {
                sb.Append(StrictUtf8.GetString(bytes, 0, count));
            }
            catch (ArgumentException ex)
            {
                throw new FormatException("The percent-encoded bytes at position " + (runStart + 1) + " are not valid UTF-8.", ex);
            }
        }

        return sb.ToString();
    }

    private static string Escape(string text, Func<char, bool> keep)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (keep(c))
            {
                sb?.Append(c);
                continue;
            }

            if (sb is null)
            {
                sb = new StringBuilder(text.Length + 16);
                sb.Append(text, 0, i);
            }

            var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (length == 1 && char.IsSurrogate(c))
            {
                throw new ArgumentException("The text has an unpaired surrogate at position " + (i + 1) + "; it cannot be encoded as UTF-8.", nameof(text));
            }

            foreach (var b in StrictUtf8.GetBytes(text.Substring(i, length)))
            {
                sb.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            }

            i += length - 1;
        }

        return sb?.ToString() ?? text;
    }

    private static int HexValue(char c) =>
        c >= '0' && c <= '9' ? c - '0'
        : c >= 'a' && c <= 'f' ? c - 'a' + 10
        : c >= 'A' && c <= 'F' ? c - 'A' + 10
        : -1;
}
