using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Admin;

/// <summary>
/// Refuses requests to endpoints marked <see cref="RequiresAdminMetadata"/> that <see cref="AdminAuthenticator"/>
/// does not grant. A middleware reading endpoint metadata, not a route-handler filter, so it guards any endpoint:
/// minimal-API routes, the static dashboard page and a metrics exporter's endpoint alike.
/// </summary>
public sealed partial class AdminAuthenticationMiddleware(RequestDelegate next, AdminAuthenticator authenticator, ILogger<AdminAuthenticationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<RequiresAdminMetadata>() is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        switch (authenticator.Check(context))
        {
            case AdminAccess.Granted:
                await next(context).ConfigureAwait(false);
                return;
            case AdminAccess.NotLoopback:
                LogRefusedRemote(logger, context.Connection.RemoteIpAddress?.ToString(), context.Request.Path);
                await AdminProblems.Write(
                    context,
                    StatusCodes.Status403Forbidden,
                    "Admin API is loopback-only",
                    "DualWrite:Admin:ApiKey is not set, so the admin API answers callers on this machine only; " + context.Connection.RemoteIpAddress + " is not. Set the key to use it from elsewhere.").ConfigureAwait(false);
                return;
            default:
                LogRefusedKey(logger, context.Connection.RemoteIpAddress?.ToString(), context.Request.Path);

                // Basic first: a browser shows its login prompt for it (user "admin", the key as password).
                context.Response.Headers.Append("WWW-Authenticate", "Basic realm=\"DualWrite admin\", charset=\"UTF-8\"");
                context.Response.Headers.Append("WWW-Authenticate", "Bearer realm=\"DualWrite admin\"");
                await AdminProblems.Write(
                    context,
                    StatusCodes.Status401Unauthorized,
                    "Admin key required",
                    "Send the admin key (DualWrite:Admin:ApiKey) as 'Authorization: Bearer KEY', or HTTP Basic with user 'admin' and the key as password.").ConfigureAwait(false);
                return;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Admin request from {Remote} to {Path} refused: wrong or missing key.")]
    private static partial void LogRefusedKey(ILogger logger, string? remote, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin request from {Remote} to {Path} refused: no admin key is configured, so only loopback callers are served.")]
    private static partial void LogRefusedRemote(ILogger logger, string? remote, PathString path);
}
