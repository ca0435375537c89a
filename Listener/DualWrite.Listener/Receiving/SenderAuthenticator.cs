using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Receiving;

/// <summary>
/// Decides whether a request comes from the configured sender: the shared secret header, or an HMAC-SHA256
/// signature of the timestamp header and the body (see <see cref="EventSignature"/>) whose timestamp lies within
/// <see cref="ReceivingOptions.SignatureTolerance"/> of the listener's clock and which was not accepted before.
/// Comparisons take the same time whatever matches, so timing leaks nothing; the order (signature, then time,
/// then replay) means a caller without the key learns nothing about the window or the cache.
/// </summary>
public sealed class SenderAuthenticator(IOptions<ReceivingOptions> options, TimeProvider timeProvider, ISignatureReplayCache replayCache)
{
    public async Task<SenderVerdict> AuthenticateAsync(IHeaderDictionary headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var settings = options.Value;
        SenderVerdict? secretVerdict = null;
        if (!string.IsNullOrEmpty(settings.SharedSecret) && headers.TryGetValue(settings.SharedSecretHeader, out var secret))
        {
            if (secret.Count == 1 && SameText(secret[0] ?? string.Empty, settings.SharedSecret))
            {
                return SenderVerdict.Authentic;
            }

            secretVerdict = new SenderVerdict(SenderCheck.WrongSharedSecret, "The " + settings.SharedSecretHeader + " header does not carry the configured shared secret.");
        }

        if (!string.IsNullOrEmpty(settings.HmacKey) && headers.TryGetValue(settings.SignatureHeader, out var signatureHeader))
        {
            return await CheckSignatureAsync(settings, headers, signatureHeader.Count == 1 ? signatureHeader[0] : null, body, cancellationToken).ConfigureAwait(false);
        }

        return secretVerdict ?? new SenderVerdict(SenderCheck.NoCredentials, Expected(settings));
    }

    private async Task<SenderVerdict> CheckSignatureAsync(
        ReceivingOptions settings, IHeaderDictionary headers, string? signatureText, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (!headers.TryGetValue(settings.TimestampHeader, out var timestampHeader) || timestampHeader.Count == 0 || string.IsNullOrEmpty(timestampHeader[0]))
        {
            return new SenderVerdict(
                SenderCheck.MissingTimestamp,
                "The " + settings.SignatureHeader + " header needs a " + settings.TimestampHeader + " header (Unix time in milliseconds) that the signature covers.");
        }

        var timestampText = timestampHeader.Count == 1 ? timestampHeader[0]! : string.Empty;
        if (!EventSignature.TryParseTimestamp(timestampText, out var timestamp))
        {
            return new SenderVerdict(SenderCheck.MalformedTimestamp, "The " + settings.TimestampHeader + " header must be one Unix time in milliseconds (digits only).");
        }

        if (!EventSignature.TryDecode(signatureText, out var signature))
        {
            return new SenderVerdict(
                SenderCheck.MalformedSignature,
                "The " + settings.SignatureHeader + " header must be one HMAC-SHA256 as 64 hex digits or base64, optionally prefixed 'sha256='.");
        }

        var expected = EventSignature.Hash(settings.HmacKey!, timestampText, body.Span);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return new SenderVerdict(
                SenderCheck.BadSignature,
                "The " + settings.SignatureHeader + " header is not the HMAC-SHA256 of '<" + settings.TimestampHeader + ">.<body>' under the configured key.");
        }

        var now = timeProvider.GetUtcNow();
        var window = settings.SignatureTolerance;
        var shownWindow = window.ToString("c", CultureInfo.InvariantCulture);
        if (now - timestamp > window)
        {
            return new SenderVerdict(
                SenderCheck.StaleTimestamp,
                "Signed at " + timestamp.ToString("O", CultureInfo.InvariantCulture) + ", more than " + shownWindow + " before the listener's clock ("
                    + now.ToString("O", CultureInfo.InvariantCulture) + "; DualWrite:Receiving:SignatureTolerance). Sign every attempt afresh.");
        }

        if (timestamp - now > window)
        {
            return new SenderVerdict(
                SenderCheck.FutureTimestamp,
                "Signed at " + timestamp.ToString("O", CultureInfo.InvariantCulture) + ", more than " + shownWindow + " ahead of the listener's clock ("
                    + now.ToString("O", CultureInfo.InvariantCulture) + "; DualWrite:Receiving:SignatureTolerance). Check both clocks.");
        }

        // Remembered until the timestamp leaves the window: from then on the window refuses it without the cache.
        if (!await replayCache.TryRecordAsync(signature, timestamp + window, cancellationToken).ConfigureAwait(false))
        {
            return new SenderVerdict(
                SenderCheck.Replayed,
                "This signature was already accepted; a sender signs every delivery and every retry with a new " + settings.TimestampHeader + ".");
        }

        return SenderVerdict.Authentic;
    }

    private static string Expected(ReceivingOptions settings)
    {
        var hasSecret = !string.IsNullOrEmpty(settings.SharedSecret);
        var hasKey = !string.IsNullOrEmpty(settings.HmacKey);
        var signature = settings.SignatureHeader + " (HMAC-SHA256 of '<" + settings.TimestampHeader + ">.<body>') with " + settings.TimestampHeader;
        return hasSecret && hasKey ? "Send the " + settings.SharedSecretHeader + " header, or " + signature + "."
            : hasKey ? "Send " + signature + "."
            : "Send the " + settings.SharedSecretHeader + " header.";
    }

    // Hashing first gives equal lengths, so not even the secret's length leaks.
    private static bool SameText(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
