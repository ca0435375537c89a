using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Emulators.Common.Auth;

/// <summary>
/// <c>POST /{tenant}/oauth2/v2.0/token</c>, form-encoded client credentials grant, answered in Entra's shapes: the
/// token response, or <c>{"error":...,"error_description":"AADSTS..."}</c> with 400/401. Any tenant segment works.
/// </summary>
public sealed class TokenEndpoint
{
    public const string Route = "/{tenant}/oauth2/v2.0/token";

    private readonly TokenService _tokens;
    private readonly bool _requireScope;

    /// <param name="tokens">Issues the tokens.</param>
    /// <param name="requireScope">
    /// Refuse a request without <c>scope</c>, as Entra does. Off where documented curl examples omit it.
    /// </param>
    public TokenEndpoint(TokenService tokens, bool requireScope)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _requireScope = requireScope;
    }

    /// <summary><c>&lt;base&gt;/{tenant}/oauth2/v2.0/token</c>.</summary>
    public static Uri AddressFor(Uri baseAddress, string tenant)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return new Uri(baseAddress, Uri.EscapeDataString(tenant) + "/oauth2/v2.0/token");
    }

    /// <summary>Maps <see cref="Route"/> (POST) on <paramref name="endpoints"/>.</summary>
    public RouteHandlerBuilder MapTo(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Typed as a route handler, not a RequestDelegate, so the IResult is written to the response.
        return endpoints.MapPost(Route, (Func<HttpContext, Task<IResult>>)HandleAsync);
    }

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasFormContentType)
        {
            return Error(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var grantType = form["grant_type"].ToString();
        var clientId = form["client_id"].ToString();
        var clientSecret = form["client_secret"].ToString();
        if (grantType.Length == 0)
        {
            return Error(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
        }

        if (grantType != "client_credentials")
        {
            return Error(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type '" + grantType + "'; the emulator supports client_credentials.");
        }

        if (_requireScope && form["scope"].ToString().Length == 0)
        {
            return Error(400, "invalid_request", "AADSTS90014: The required field 'scope' is missing from the credential.");
        }

        if (!_tokens.IsKnownClient(clientId))
        {
            return Error(400, "unauthorized_client", "AADSTS700016: Application with identifier '" + clientId + "' was not found in the directory.");
        }

        var token = _tokens.Issue(clientId, clientSecret);
        if (token is null)
        {
            return Error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
        }

        var seconds = (int)TokenService.Lifetime.TotalSeconds;
        return Results.Json(new TokenResponse("Bearer", seconds, seconds, token));
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new TokenError(error, description), statusCode: status);
}
