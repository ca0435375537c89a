using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.FinOps.Auth;

/// <summary>F&amp;O's refusal of a /data request without a valid bearer token: 401, WWW-Authenticate, no body.</summary>
public static class FinOpsUnauthorizedResponse
{
    public static Task WriteAsync(HttpContext context, string? presentedToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        // A bare challenge when nothing was sent; error="invalid_token" only when some credential was (RFC 6750 §3.1).
        context.Response.Headers.WWWAuthenticate = context.Request.Headers.Authorization.ToString().Length == 0
            ? "Bearer"
            : "Bearer error=\"invalid_token\", error_description=\"The access token is missing, invalid or expired.\"";
        return Task.CompletedTask;
    }
}
