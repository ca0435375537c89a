using System;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.WebApi;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.Dataverse.Auth;

/// <summary>
/// Every /api/data request needs Authorization: Bearer &lt;token from the token endpoint&gt;; otherwise 401 with
/// WWW-Authenticate naming the authority, and the Web API error body. Stores the caller's client id for throttling.
/// </summary>
public sealed class BearerAuthenticationMiddleware
{
    public const string ClientItem = "dualwrite.client";

    private readonly RequestDelegate _next;
    private readonly TokenService _tokens;
    private readonly bool _required;

    public BearerAuthenticationMiddleware(RequestDelegate next, TokenService tokens, bool required)
    {
        _next = next;
        _tokens = tokens;
        _required = required;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments(WebApiEndpoint.ServicePath, StringComparison.OrdinalIgnoreCase))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        var client = _tokens.Validate(token);
        if (client is null && _required)
        {
            var authority = context.Request.Scheme + "://" + context.Request.Host + "/common/oauth2/authorize";
            context.Response.Headers.WWWAuthenticate = "Bearer authorization_uri=" + authority + ", resource_id=" + context.Request.Scheme + "://" + context.Request.Host + "/";
            await WebApiEndpoint.WriteAsync(context, WebApiResponse.Error(new WebApiError(
                401,
                WebApiErrorCodes.Unauthorized,
                token is null ? "The request has no bearer token (Authorization: Bearer <token>)." : "The bearer token is invalid or expired."))).ConfigureAwait(false);
            return;
        }

        context.Items[ClientItem] = client ?? "anonymous";
        await _next(context).ConfigureAwait(false);
    }
}
