namespace DualWrite.Listener.Receiving;

/// <summary>What <see cref="SenderAuthenticator"/> found about one request; everything but <see cref="Authentic"/> is a 401.</summary>
public enum SenderCheck
{
    Authentic,

    /// <summary>Neither the shared secret header nor a signature header was sent.</summary>
    NoCredentials,

    /// <summary>The shared secret header carried another value.</summary>
    WrongSharedSecret,

    /// <summary>A signature without the timestamp header it covers.</summary>
    MissingTimestamp,

    /// <summary>The timestamp header is not Unix milliseconds.</summary>
    MalformedTimestamp,

    /// <summary>The signature header is neither 32 bytes of hex nor base64.</summary>
    MalformedSignature,

    /// <summary>The signature does not match the timestamp and body under the configured key.</summary>
    BadSignature,

    /// <summary>Signed longer ago than the window allows.</summary>
    StaleTimestamp,

    /// <summary>Signed further ahead of the listener's clock than the window allows.</summary>
    FutureTimestamp,

    /// <summary>This exact signature was accepted before (within the window): a replay.</summary>
    Replayed,
}
