using System;

namespace DualWrite.Listener.Receiving;

/// <summary>The endpoint F&amp;O posts business events to. Section <c>DualWrite:Receiving</c>.</summary>
public sealed class ReceivingOptions
{
    public const string SectionName = "DualWrite:Receiving";

    /// <summary>Where Kestrel listens (semicolon-separated URLs). Default <c>http://127.0.0.1:5080</c>.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>The path events are posted to. Default <c>/events</c>.</summary>
    public string Path { get; set; } = "/events";

    /// <summary>Bodies larger than this are refused with 413. Default 1 MB (1,048,576 bytes).</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// A shared secret the sender puts in <see cref="SharedSecretHeader"/>. No default; configure it, or
    /// <see cref="HmacKey"/>, or both (a request passes with either). A secret header is a bearer credential: it
    /// does not expire and a captured request can be sent again (the inbox then counts it as a redelivery of
    /// the same EventId); prefer <see cref="HmacKey"/>, which refuses replays.
    /// </summary>
    public string? SharedSecret { get; set; }

    /// <summary>The header carrying the shared secret. Default <c>X-DualWrite-Secret</c>.</summary>
    public string SharedSecretHeader { get; set; } = "X-DualWrite-Secret";

    /// <summary>
    /// The key of an HMAC-SHA256 signature of <c>"&lt;timestamp&gt;." + raw body</c>, sent in <see cref="SignatureHeader"/>
    /// as hex or base64, optionally prefixed <c>sha256=</c>, with the timestamp in <see cref="TimestampHeader"/>. No default.
    /// A signed request is refused outside <see cref="SignatureTolerance"/> or when its signature was accepted before.
    /// </summary>
    public string? HmacKey { get; set; }

    /// <summary>The header carrying the signature. Default <c>X-DualWrite-Signature</c>.</summary>
    public string SignatureHeader { get; set; } = "X-DualWrite-Signature";

    /// <summary>The header carrying the signed timestamp (Unix time in milliseconds). Default <c>X-DualWrite-Timestamp</c>.</summary>
    public string TimestampHeader { get; set; } = "X-DualWrite-Timestamp";

    /// <summary>
    /// How far a signed timestamp may lie from the listener's clock, before or after (sender latency and clock
    /// skew together), and how long accepted signatures are remembered to refuse replays. Default 5 minutes (<c>00:05:00</c>).
    /// </summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Events whose <c>EventTime</c> is older than this are refused with 400. Default 30 days
    /// (<c>30.00:00:00</c>): generous, because F&amp;O retries and its business event error log's Resend
    /// deliver old events legitimately; older than that is a replay or a broken sender.
    /// </summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How far in the future an <c>EventTime</c> may lie (the two clocks' skew) before the event is refused
    /// with 400. Default 5 minutes (<c>00:05:00</c>); zero allows none.
    /// </summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
