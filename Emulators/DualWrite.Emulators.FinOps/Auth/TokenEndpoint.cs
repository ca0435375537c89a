using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.FinOps.Auth;

/// <summary>
/// <c>POST /{tenant}/oauth2/v2.0/token</c>, form-encoded client credentials grant, answered in Entra's
/// shapes: the token response, or <c>{"error":...,"error_description":"AADSTS..."}</c> with 400/401.
/// </summary>
public static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, TokenService tokens)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tokens);
        if (!context.Request.HasFormContentType)
        {
            return Error(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var grantType = form["grant_type"].ToString();
        var clientId = form["client_id"].ToString();
        var clientSecret = form["client_secret"].ToString();
        var scope = form["scope"].ToString();
        if (grantType.Length == 0)
        {
            return Error(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
        }

        if (grantType != "client_credentials")
        {
            return Error(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type '" + grantType + "'.");
        }

        if (scope.Length == 0)
        {
            return Error(400, "invalid_request", "AADSTS90014: The required field 'scope' is missing from the credential.");
        }

        if (!tokens.IsKnownClient(clientId))
        {
            return Error(400, "unauthorized_client", "AADSTS700016: Application with identifier '" + clientId + "' was not found in the directory.");
        }

        var token = tokens.Issue(clientId, clientSecret);
        if (token is null)
        {
            return Error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value.");
        }

        return Results.Json(new TokenResponse("Bearer", (int)TokenService.Lifetime.TotalSeconds, (int)TokenService.Lifetime.TotalSeconds, token));
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new TokenError(error, description), statusCode: status);
}
