namespace DualWrite.Listener.Admin;

/// <summary>What <see cref="AdminAuthenticator"/> decided about one request.</summary>
public enum AdminAccess
{
    Granted,

    /// <summary>A key is configured and the request did not carry it (401, with the schemes to use).</summary>
    MissingOrWrongKey,

    /// <summary>No key is configured and the caller is not on this machine (403).</summary>
    NotLoopback,
}
