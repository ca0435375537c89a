using System;
using System.Collections.Generic;

namespace DualWrite.Emulators.FinOps.Events;

/// <summary>
/// A business event endpoint (F&amp;O's HTTPS endpoint type): events are POSTed to <see cref="Url"/> with
/// <see cref="Headers"/> added (e.g. a shared secret the receiver checks) and, with a <see cref="SigningKey"/>,
/// an HMAC-SHA256 signature of the body. Plain HTTP is accepted for loopback tests.
/// </summary>
public sealed record EventEndpoint(string Name, Uri Url)
{
    /// <summary>The listener's default signature header.</summary>
    public const string DefaultSignatureHeader = "X-DualWrite-Signature";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, each delivery carries <c>sha256=&lt;hex HMAC-SHA256 of the UTF-8 body&gt;</c> in <see cref="SignatureHeader"/>.</summary>
    public string? SigningKey { get; init; }

    public string SignatureHeader { get; init; } = DefaultSignatureHeader;
}
