using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.Dataverse.Auth;

/// <summary>
/// POST /{tenant}/oauth2/v2.0/token with a form body (grant_type=client_credentials, client_id, client_secret,
/// scope), answered like Entra ID: {"token_type":"Bearer","expires_in":3599,"access_token":"..."}, or an OAuth
/// error body ({"error":"invalid_client","error_description":"AADSTS7000215: ..."}).
/// </summary>
public static class TokenEndpoint
{
    public const string Route = "/{tenant}/oauth2/v2.0/token";

    public static async Task Handle(HttpContext context, TokenService tokens)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tokens);
        if (!context.Request.HasFormContentType)
        {
            await Error(context, 400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'grant_type'.").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (form["grant_type"] != "client_credentials")
        {
            await Error(context, 400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type; the emulator supports client_credentials.").ConfigureAwait(false);
            return;
        }

        var token = tokens.Issue(form["client_id"], form["client_secret"]);
        if (token is null)
        {
            await Error(context, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)TokenService.Lifetime.TotalSeconds,
            ["ext_expires_in"] = (int)TokenService.Lifetime.TotalSeconds,
            ["access_token"] = token,
        }.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static Task Error(HttpContext context, int status, string error, string description)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString(), context.RequestAborted);
    }
}
