using System;
using DualWrite.Emulators.Common.Latency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Emulators.Common.Hosting;

/// <summary>
/// <c>/_emulator/...</c>: the admin endpoints, for curl and for processes that start an emulator from the command
/// line. No token needed: Kestrel listens on 127.0.0.1 only. What every emulator has (the request log) is mapped
/// here; each emulator adds its own endpoints to the group <see cref="Map"/> returns.
/// </summary>
public static class EmulatorAdminEndpoints
{
    /// <summary>The path every admin endpoint sits under.</summary>
    public const string Prefix = "/_emulator";

    /// <summary>
    /// Maps <c>GET /_emulator/requests</c> (the <see cref="RequestLog"/>, oldest first), and <c>GET|POST /_emulator/latency</c>
    /// when the emulator has a <see cref="LatencySimulator"/>; returns the admin group.
    /// </summary>
    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = app.MapGroup(Prefix);
        var log = app.ServiceProvider.GetRequiredService<RequestLog>();
        admin.MapGet("/requests", () => Results.Ok(log.Entries));
        if (app.ServiceProvider.GetService<LatencySimulator>() is { } latency)
        {
            admin.MapGet("/latency", () => Results.Ok(new LatencyProfileRequest(latency.Profile.PerRequest.TotalMilliseconds, latency.Profile.PerRecord.TotalMilliseconds)));
            admin.MapPost("/latency", (LatencyProfileRequest body) =>
                Guarded(() => latency.Profile = LatencyProfile.FromMilliseconds(body.PerRequestMilliseconds, body.PerRecordMilliseconds)));
        }

        return admin;
    }

    /// <summary>Runs a control call; a value the call refuses becomes 400 with the reason, success 204.</summary>
    public static IResult Guarded(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
            return Results.NoContent();
        }
        catch (ArgumentException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }
    }
}
