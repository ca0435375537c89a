using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Listener.Admin;

/// <summary>
/// Turns a request the endpoints could not bind (a query value that is not a number, a body that is not the JSON
/// asked for) into a 400 problem whose detail names the parameter and the value, instead of an empty 400.
/// Minimal APIs throw these only with <c>RouteHandlerOptions.ThrowOnBadRequest</c>, which the admin API sets.
/// </summary>
public sealed class AdminBadRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await AdminProblems.Write(context, ex.StatusCode, "Bad request", Describe(ex)).ConfigureAwait(false);
        }
    }

    // The binder's own message names the parameter and the value; the JSON reader's inner message says where it broke.
    private static string Describe(BadHttpRequestException ex) =>
        ex.InnerException is { } inner && !string.IsNullOrEmpty(inner.Message)
            ? ex.Message + " " + inner.Message
            : ex.Message;
}
