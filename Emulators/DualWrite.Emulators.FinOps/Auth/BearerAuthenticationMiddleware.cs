using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.FinOps.Auth;

/// <summary>Every /data request needs a valid bearer token: 401 with WWW-Authenticate otherwise (as F&amp;O answers).</summary>
public sealed class BearerAuthenticationMiddleware
{
    /// <summary>Where the authenticated client is kept for the rest of the pipeline.</summary>
    public const string ClientItemKey = "DualWrite.FinOps.Client";

    private readonly RequestDelegate _next;
    private readonly TokenService _tokens;

    public BearerAuthenticationMiddleware(RequestDelegate next, TokenService tokens)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var client = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? _tokens.Validate(header[scheme.Length..].Trim()) : null;
        if (client is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = header.Length == 0
                ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"The access token is missing, invalid or expired.\"";
            return Task.CompletedTask;
        }

        context.Items[ClientItemKey] = client;
        return _next(context);
    }
}
