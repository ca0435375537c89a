using System;

namespace DualWrite.Core.Auth;

/// <summary>What the OAuth 2.0 client-credentials grant sends: where, who, with which secret, for which scope.</summary>
public sealed class ClientCredentialsGrant
{
    public ClientCredentialsGrant(Uri tokenEndpoint, string clientId, string clientSecret, string scope)
    {
        TokenEndpoint = tokenEndpoint ?? throw new ArgumentNullException(nameof(tokenEndpoint));
        ClientId = clientId ?? throw new ArgumentNullException(nameof(clientId));
        ClientSecret = clientSecret ?? throw new ArgumentNullException(nameof(clientSecret));
        Scope = scope ?? throw new ArgumentNullException(nameof(scope));
    }

    /// <summary><c>&lt;authority&gt;&lt;tenant&gt;/oauth2/v2.0/token</c>.</summary>
    public Uri TokenEndpoint { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public string Scope { get; }

    /// <summary>The cache key: a token is good for one endpoint (authority and tenant), client and scope.</summary>
    public string CacheKey => TokenEndpoint.AbsoluteUri + "|" + ClientId + "|" + Scope;

    /// <summary>Never the secret.</summary>
    public override string ToString() => "client " + ClientId + " at " + TokenEndpoint;
}
