using System.Collections.Generic;

namespace DualWrite.Listener.Receiving;

/// <summary>
/// The outcome of authenticating one request and, when refused, why, in words safe to send back: they name the
/// headers and the window, never the secret, the key or the signature the listener expected.
/// </summary>
public sealed record SenderVerdict(SenderCheck Check, string Reason)
{
    public static SenderVerdict Authentic { get; } = new(SenderCheck.Authentic, string.Empty);

    public bool IsAuthentic => Check == SenderCheck.Authentic;

    /// <summary>The 401 body: a short title naming the check, and the reason.</summary>
    public ReceiveRejection ToRejection() => new(Title(Check), new List<string> { Reason });

    private static string Title(SenderCheck check) => check switch
    {
        SenderCheck.NoCredentials => "Unauthenticated: no credentials.",
        SenderCheck.WrongSharedSecret => "Unauthenticated: wrong shared secret.",
        SenderCheck.MissingTimestamp => "Unauthenticated: missing timestamp.",
        SenderCheck.MalformedTimestamp => "Unauthenticated: malformed timestamp.",
        SenderCheck.MalformedSignature => "Unauthenticated: malformed signature.",
        SenderCheck.BadSignature => "Unauthenticated: bad signature.",
        SenderCheck.StaleTimestamp => "Unauthenticated: stale timestamp.",
        SenderCheck.FutureTimestamp => "Unauthenticated: timestamp in the future.",
        SenderCheck.Replayed => "Unauthenticated: replayed request.",
        _ => "Unauthenticated.",
    };
}
