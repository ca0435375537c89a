using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.Common.Auth;

/// <summary>What differs between the services' bearer checks: where a token is needed and how a refusal looks.</summary>
public sealed class BearerAuthenticationOptions
{
    /// <summary>Requests under this path need a token; the default (empty) means every request that reaches the middleware.</summary>
    public PathString ProtectedPath { get; init; } = PathString.Empty;

    /// <summary>False lets requests without a valid token through as anonymous (a switch for local experiments).</summary>
    public bool RequireToken { get; init; } = true;

    /// <summary>
    /// Writes the service's 401 (status, WWW-Authenticate and body). Its second argument is the bearer token the
    /// request presented, or null when it had none.
    /// </summary>
    public required Func<HttpContext, string?, Task> RejectAsync { get; init; }
}
