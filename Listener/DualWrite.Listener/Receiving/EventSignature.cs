using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DualWrite.Listener.Receiving;

/// <summary>
/// The signature senders put in the signature header: <c>sha256=&lt;hex HMAC-SHA256(key, "&lt;timestamp&gt;." + body)&gt;</c>,
/// where the timestamp is the one in the timestamp header (Unix time in milliseconds, decimal). Signing the
/// timestamp with the body means a captured request cannot be sent again later under a fresh timestamp.
/// </summary>
public static class EventSignature
{
    private const string Prefix = "sha256=";

    /// <summary>The signature header's value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Compute(string key, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Prefix + Convert.ToHexStringLower(Hash(key, timestamp, body));
    }

    /// <summary>The timestamp header's value for <paramref name="time"/>.</summary>
    public static string FormatTimestamp(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a timestamp header: Unix milliseconds, digits only (no sign, no spaces, at most 15 digits).</summary>
    public static bool TryParseTimestamp(string? header, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrEmpty(header) || header.Length > 15)
        {
            return false;
        }

        foreach (var c in header)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var milliseconds = long.Parse(header, NumberStyles.None, CultureInfo.InvariantCulture);
        if (milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    /// <summary>HMAC-SHA256 of <c>timestamp + "." + body</c> under <paramref name="key"/>.</summary>
    public static byte[] Hash(string key, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), signed);
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
