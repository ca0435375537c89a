using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.Common.Auth;

/// <summary>
/// Requests under <see cref="BearerAuthenticationOptions.ProtectedPath"/> need <c>Authorization: Bearer &lt;token
/// from the token endpoint&gt;</c>; otherwise the service's 401. The authenticated client is kept in
/// <see cref="HttpContext.Items"/> under <see cref="ClientItem"/> for throttling, the request log and defaults.
/// </summary>
public sealed class BearerAuthenticationMiddleware
{
    /// <summary>Where the authenticated <see cref="IClientCredential"/> is kept; absent for anonymous requests.</summary>
    public const string ClientItem = "DualWrite.Emulators.Client";

    private const string Scheme = "Bearer ";

    private readonly RequestDelegate _next;
    private readonly TokenService _tokens;
    private readonly BearerAuthenticationOptions _options;

    public BearerAuthenticationMiddleware(RequestDelegate next, TokenService tokens, BearerAuthenticationOptions options)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The client a request was authenticated as, or null.</summary>
    public static IClientCredential? ClientOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ClientItem, out var client) ? client as IClientCredential : null;
    }

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments(_options.ProtectedPath, StringComparison.OrdinalIgnoreCase))
        {
            return _next(context);
        }

        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
        var client = _tokens.Validate(token);
        if (client is null)
        {
            return _options.RequireToken ? _options.RejectAsync(context, token) : _next(context);
        }

        context.Items[ClientItem] = client;
        return _next(context);
    }
}
