using System;
using DualWrite.Listener.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace DualWrite.Listener.Dashboard;

public static class DashboardEndpoints
{
    public const string PagePath = "/";

    /// <summary>
    /// The dashboard at <c>/</c> and its files under <c>/dashboard/</c>, behind the admin authentication (a browser is
    /// asked for HTTP Basic: user <c>admin</c>, the key as password). The page reads the <c>/api</c> group.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(PagePath, (HttpContext context) => Serve(context, "index.html")).RequireAdmin().ExcludeFromDescription();
        app.MapGet("/dashboard/{file}", (HttpContext context, string file) => Serve(context, file)).RequireAdmin().ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext context, string name)
    {
        if (DashboardAssets.Find(name) is not { } asset)
        {
            return Results.NotFound();
        }

        // Revalidated on every load: a new listener version's page is never mixed with an old script.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch.ToString().Contains(asset.ETag, StringComparison.Ordinal))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (name.EndsWith(".html", StringComparison.Ordinal))
        {
            // The page loads only its own files and talks only to this listener.
            context.Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}
