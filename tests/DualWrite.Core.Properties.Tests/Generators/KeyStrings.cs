using System.Text;
using CsCheck;

namespace DualWrite.Core.Properties.Tests.Generators;

/// <summary>
/// Strings a key may hold, weighted toward what breaks URLs: quotes, slashes, percent, '#', '?', '&amp;', '+',
/// spaces, OData punctuation, control characters, non-ASCII letters and surrogate pairs (always paired:
/// an unpaired surrogate has no UTF-8 form and is refused before any URL is built).
/// </summary>
internal static class KeyStrings
{
    /// <summary>The characters that matter most in a URL or an OData literal.</summary>
    public const string UrlHostile = "'\"/\\?#%&+ =,;:@!$*()[]{}<>^`|~.-_";

    private const string Control = "\t\r\n\u0001\u001f\u007f\u0085";

    private static readonly Gen<string> Piece = Gen.Frequency(
        (5, Gen.Char[UrlHostile].Select(c => c.ToString())),
        (3, Gen.Char['a', 'z'].Select(c => c.ToString())),
        (2, Gen.Char['0', '9'].Select(c => c.ToString())),
        (1, Gen.Char[Control].Select(c => c.ToString())),
        (1, Gen.Char["éüßøÅçñЖж日本語한글\u00a0\u2028\ufeff"].Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)),
        (1, Gen.OneOf<string>("%25", "%2F", "''", "%", "null", "eq", "$", "..", "&x=1", "?$filter=")));

    /// <summary>Strings of <paramref name="minLength"/> to <paramref name="maxLength"/> UTF-16 units.</summary>
    public static Gen<string> Of(int minLength, int maxLength) =>
        Piece.Array[minLength, maxLength].Select(pieces =>
        {
            var sb = new StringBuilder();
            foreach (var piece in pieces)
            {
                if (sb.Length + piece.Length > maxLength)
                {
                    break;
                }

                sb.Append(piece);
            }

            return sb.Length >= minLength ? sb.ToString() : sb.ToString().PadRight(minLength, 'x');
        });
}
