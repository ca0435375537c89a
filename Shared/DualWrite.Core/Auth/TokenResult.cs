namespace DualWrite.Core.Auth;

/// <summary>A token service's answer as a value: the token, or the HTTP status and the reason it gave.</summary>
public sealed class TokenResult
{
    private TokenResult(AccessToken? token, int statusCode, string? reason)
    {
        Token = token;
        StatusCode = statusCode;
        Reason = reason;
    }

    /// <summary>The token, null when refused.</summary>
    public AccessToken? Token { get; }

    /// <summary>The HTTP status of the answer (0 when the token came from the cache).</summary>
    public int StatusCode { get; }

    /// <summary>Why there is no token: <c>error_description</c>, else <c>error</c>, else what was wrong with the answer.</summary>
    public string? Reason { get; }

    public bool Succeeded => Token is not null;

    public static TokenResult Issued(AccessToken token, int statusCode) => new(token, statusCode, null);

    public static TokenResult Refused(int statusCode, string reason) => new(null, statusCode, reason);
}
