using System;
using System.Collections.Generic;

namespace DualWrite.Listener.Clients.Auth;

/// <summary>
/// Microsoft Entra client credentials for one resource. The token endpoint is
/// <c>{Authority}/oauth2/v2.0/token</c>: <c>https://login.microsoftonline.com/{tenant}</c> for the real
/// services, <c>http://127.0.0.1:{port}/{tenant}</c> for the emulators.
/// </summary>
public sealed class ClientCredentialsOptions
{
    /// <summary>The authority including the tenant: <c>https://login.microsoftonline.com/contoso.onmicrosoft.com</c>.</summary>
    public Uri? Authority { get; set; }

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The resource's default scope: <c>https://contoso.crm.dynamics.com/.default</c>.</summary>
    public string Scope { get; set; } = string.Empty;

    /// <summary>A cached token is renewed this long before it expires. Default 5 minutes.</summary>
    public TimeSpan RenewBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Every problem at once, each naming the property under <paramref name="section"/>.</summary>
    public IReadOnlyList<string> Validate(string section)
    {
        var problems = new List<string>();
        if (Authority is null || !Authority.IsAbsoluteUri || (Authority.Scheme != Uri.UriSchemeHttps && Authority.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(section + ":Authority must be an absolute http(s) URL including the tenant.");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add(section + ":ClientId is required.");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            problems.Add(section + ":ClientSecret is required.");
        }

        if (string.IsNullOrWhiteSpace(Scope))
        {
            problems.Add(section + ":Scope is required (the resource URL followed by /.default).");
        }

        if (RenewBeforeExpiry < TimeSpan.Zero)
        {
            problems.Add(section + ":RenewBeforeExpiry cannot be negative.");
        }

        return problems;
    }
}
