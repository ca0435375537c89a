using System;
using System.Collections.Generic;
using DualWrite.Core.Security;

namespace DualWrite.Emulators.FinOps.Events;

/// <summary>
/// A business event endpoint (F&amp;O's HTTPS endpoint type): events are POSTed to <see cref="Url"/> with
/// <see cref="Headers"/> added (e.g. a shared secret the receiver checks) and, with a <see cref="SigningKey"/>,
/// a timestamp and an HMAC-SHA256 signature of the timestamp and the body (<see cref="EventSigner"/>; the real
/// F&amp;O does not sign, this is what the emulator adds for the listener). Plain HTTP is accepted for loopback tests.
/// <see cref="ToString"/> shows neither the key nor header values: they are secrets.
/// </summary>
public sealed record EventEndpoint(string Name, Uri Url)
{
    /// <summary>The listener's default signature header.</summary>
    public const string DefaultSignatureHeader = "X-DualWrite-Signature";

    /// <summary>The listener's default timestamp header.</summary>
    public const string DefaultTimestampHeader = "X-DualWrite-Timestamp";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// When set, each delivery attempt carries the Unix time in milliseconds in <see cref="TimestampHeader"/> and
    /// <c>sha256=&lt;hex HMAC-SHA256 of "&lt;timestamp&gt;." + the UTF-8 body&gt;</c> in <see cref="SignatureHeader"/>.
    /// </summary>
    public string? SigningKey { get; init; }

    public string SignatureHeader { get; init; } = DefaultSignatureHeader;

    public string TimestampHeader { get; init; } = DefaultTimestampHeader;

    public override string ToString() =>
        "EventEndpoint { Name = " + Name + ", Url = " + SecretRedaction.RedactUrl(Url) + ", Headers = [" + string.Join(", ", Headers.Keys)
        + "], Signed = " + (!string.IsNullOrEmpty(SigningKey)) + " }";
}
