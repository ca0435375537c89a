using System;
using System.Collections.Generic;
using DualWrite.Listener.Clients.Auth;

namespace DualWrite.Listener.Syncing;

/// <summary>
/// One service the listener talks to (sections <c>DualWrite:FinOps</c> and <c>DualWrite:Dataverse</c>): its URL
/// and the Entra application it signs in as.
/// </summary>
public sealed class ServiceTargetOptions
{
    public const string FinOpsSection = "DualWrite:FinOps";
    public const string DataverseSection = "DualWrite:Dataverse";

    /// <summary>The environment: <c>https://contoso.operations.dynamics.com/</c> or <c>https://contoso.crm.dynamics.com/</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The authority including the tenant. Default: <c>https://login.microsoftonline.com/{TenantId}</c>.</summary>
    public Uri? Authority { get; set; }

    public string? TenantId { get; set; }

    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Default: <see cref="BaseUrl"/> followed by <c>.default</c>, as both services expect.</summary>
    public string? Scope { get; set; }

    public bool IsConfigured => BaseUrl is not null;

    /// <summary>The client credentials these options describe.</summary>
    public ClientCredentialsOptions ToCredentials() => new()
    {
        Authority = Authority ?? (TenantId is null ? null : new Uri("https://login.microsoftonline.com/" + Uri.EscapeDataString(TenantId))),
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        Scope = Scope ?? (BaseUrl is not { IsAbsoluteUri: true } ? string.Empty : BaseUrl.GetLeftPart(UriPartial.Authority) + "/.default"),
    };

    /// <summary>Every problem at once, each naming the setting (a missing section names all its required settings).</summary>
    public IReadOnlyList<string> Validate(string section)
    {
        var problems = new List<string>();
        if (BaseUrl is null)
        {
            problems.Add(section + ":BaseUrl is required.");
        }
        else if (!BaseUrl.IsAbsoluteUri)
        {
            problems.Add(section + ":BaseUrl must be an absolute URL.");
        }

        if (Authority is null && string.IsNullOrWhiteSpace(TenantId))
        {
            problems.Add(section + ":TenantId (or Authority) is required.");
        }

        // The authority's message would repeat the TenantId one, and the scope's the BaseUrl one (both are derived).
        var credentials = ToCredentials();
        foreach (var problem in credentials.Validate(section))
        {
            var repeatsAuthority = credentials.Authority is null && problem.StartsWith(section + ":Authority", StringComparison.Ordinal);
            var repeatsBaseUrl = Scope is null && BaseUrl is not { IsAbsoluteUri: true } && problem.StartsWith(section + ":Scope", StringComparison.Ordinal);
            if (!repeatsAuthority && !repeatsBaseUrl)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }
}
