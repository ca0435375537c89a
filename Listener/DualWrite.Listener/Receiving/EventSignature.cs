using System;
using System.Security.Cryptography;
using System.Text;

namespace DualWrite.Listener.Receiving;

/// <summary>The HMAC-SHA256 body signature senders put in the signature header: <c>sha256=&lt;hex&gt;</c>.</summary>
public static class EventSignature
{
    private const string Prefix = "sha256=";

    public static string Compute(string key, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));
    }

    /// <summary>Reads a signature given as hex or base64, with or without the <c>sha256=</c> prefix.</summary>
    public static bool TryDecode(string? header, out byte[] signature)
    {
        signature = [];
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var text = header.Trim();
        if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[Prefix.Length..];
        }

        if (text.Length == 64)
        {
            try
            {
                signature = Convert.FromHexString(text);
                return true;
            }
            catch (FormatException)
            {
                // Not hex: maybe base64.
            }
        }

        var buffer = new byte[32];
        if (Convert.TryFromBase64String(text, buffer, out var written) && written == 32)
        {
            signature = buffer;
            return true;
        }

        return false;
    }
}
