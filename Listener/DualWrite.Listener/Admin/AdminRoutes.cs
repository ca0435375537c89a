using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Admin;

/// <summary>
/// The authenticated <c>/api</c> route group. Each feature maps its endpoints on the group in its own
/// <c>MapXxxEndpoints(this RouteGroupBuilder api)</c>; other pages (the dashboard) call <see cref="RequireAdmin{TBuilder}"/>.
/// </summary>
public static class AdminRoutes
{
    public const string GroupPrefix = "/api";

    private const string MiddlewareAddedKey = "DualWrite.Admin.AuthenticationMiddleware";

    /// <summary>
    /// Adds the admin authentication middleware (once) and returns the <c>/api</c> group, every endpoint of which
    /// needs admin access. Without a key, logs a warning when the listener starts.
    /// </summary>
    public static RouteGroupBuilder MapAdminGroup(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        UseAdminAuthentication(app);
        return app.MapGroup(GroupPrefix).RequireAdmin().WithTags("admin");
    }

    /// <summary>Marks endpoints as needing admin access (the key when configured, else a loopback caller).</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint => endpoint.Metadata.Add(RequiresAdminMetadata.Instance));
        return builder;
    }

    /// <summary>
    /// Marks the metrics and health endpoints: they need admin access only when <c>DualWrite:Admin:ProtectMetrics</c> is true.
    /// </summary>
    public static TBuilder RequireAdminWhenMetricsProtected<TBuilder>(this TBuilder builder, WebApplication app)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<IOptions<AdminOptions>>().Value.ProtectMetrics ? builder.RequireAdmin() : builder;
    }

    private static void UseAdminAuthentication(WebApplication app)
    {
        var properties = ((IApplicationBuilder)app).Properties;
        if (properties.ContainsKey(MiddlewareAddedKey))
        {
            return;
        }

        properties[MiddlewareAddedKey] = true;
        app.UseMiddleware<AdminAuthenticationMiddleware>();
        app.UseMiddleware<AdminBadRequestMiddleware>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminRoutes).FullName!);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (!app.Services.GetRequiredService<IOptions<AdminOptions>>().Value.HasApiKey)
            {
                AdminStartupLog.NoApiKey(logger);
            }
        });
    }
}
