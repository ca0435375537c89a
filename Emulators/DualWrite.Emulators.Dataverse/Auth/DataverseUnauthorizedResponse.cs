using System;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.WebApi;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.Dataverse.Auth;

/// <summary>
/// Dataverse's refusal of a Web API request without a valid bearer token: 401, WWW-Authenticate naming the
/// authority (clients such as MSAL discover it from there), and the Web API error body.
/// </summary>
public static class DataverseUnauthorizedResponse
{
    public static Task WriteAsync(HttpContext context, string? presentedToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = context.Request.Scheme + "://" + context.Request.Host;
        context.Response.Headers.WWWAuthenticate = "Bearer authorization_uri=" + root + "/common/oauth2/authorize, resource_id=" + root + "/";
        return WebApiEndpoint.WriteAsync(context, WebApiResponse.Error(new WebApiError(
            401,
            WebApiErrorCodes.Unauthorized,
            presentedToken is null ? "The request has no bearer token (Authorization: Bearer <token>)." : "The bearer token is invalid or expired.")));
    }
}
