using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Receiving;

/// <summary>
/// Decides whether a request comes from the configured sender: the shared secret header, or an HMAC-SHA256
/// signature of the body. Comparisons take the same time whatever matches, so timing leaks nothing.
/// </summary>
public sealed class SenderAuthenticator(IOptions<ReceivingOptions> options)
{
    public bool IsAuthentic(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.SharedSecret)
            && headers.TryGetValue(settings.SharedSecretHeader, out var secret)
            && secret.Count == 1
            && SameText(secret[0] ?? string.Empty, settings.SharedSecret))
        {
            return true;
        }

        if (!string.IsNullOrEmpty(settings.HmacKey)
            && headers.TryGetValue(settings.SignatureHeader, out var signatureHeader)
            && signatureHeader.Count == 1
            && EventSignature.TryDecode(signatureHeader[0], out var signature))
        {
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.HmacKey), body);
            return CryptographicOperations.FixedTimeEquals(expected, signature);
        }

        return false;
    }

    // Hashing first gives equal lengths, so not even the secret's length leaks.
    private static bool SameText(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
