using System;

namespace DualWrite.Plugins.Configuration;

/// <summary>
/// A step's secure configuration: the Entra app that calls F&amp;O (client-credentials flow). Secure
/// configuration is never exported with a solution; set it per environment in the Plugin Registration Tool.
/// </summary>
public sealed class ClientCredentials
{
    public static readonly Uri DefaultAuthority = new("https://login.microsoftonline.com/");

    public ClientCredentials(string tenantId, string clientId, string clientSecret, Uri authority, string scope)
    {
        TenantId = tenantId ?? throw new ArgumentNullException(nameof(tenantId));
        ClientId = clientId ?? throw new ArgumentNullException(nameof(clientId));
        ClientSecret = clientSecret ?? throw new ArgumentNullException(nameof(clientSecret));
        Authority = authority ?? throw new ArgumentNullException(nameof(authority));
        Scope = scope ?? throw new ArgumentNullException(nameof(scope));
    }

    public string TenantId { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>The token service root, ending with '/' (default <c>https://login.microsoftonline.com/</c>).</summary>
    public Uri Authority { get; }

    /// <summary>The requested scope (default <c>&lt;finOpsBaseUrl without trailing slash&gt;/.default</c>).</summary>
    public string Scope { get; }

    /// <summary><c>&lt;authority&gt;&lt;tenant&gt;/oauth2/v2.0/token</c>.</summary>
    public Uri TokenEndpoint => new(Authority, Uri.EscapeDataString(TenantId) + "/oauth2/v2.0/token");

    public override string ToString() => "client " + ClientId + " of tenant " + TenantId + " at " + Authority;
}
