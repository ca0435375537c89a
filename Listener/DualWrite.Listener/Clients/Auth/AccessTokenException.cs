using System;

namespace DualWrite.Listener.Clients.Auth;

/// <summary>The authority refused to issue a token (wrong secret, unknown client, unreachable authority).</summary>
public sealed class AccessTokenException : Exception
{
    public AccessTokenException()
    {
    }

    public AccessTokenException(string message)
        : base(message)
    {
    }

    public AccessTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
