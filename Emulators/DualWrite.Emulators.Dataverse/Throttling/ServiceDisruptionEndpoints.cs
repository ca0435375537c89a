using System;
using DualWrite.Emulators.Common.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Emulators.Dataverse.Throttling;

/// <summary>The Dataverse emulator's disruption switches under <c>/_emulator</c> (loopback, no token).</summary>
public static class ServiceDisruptionEndpoints
{
    public static void Map(RouteGroupBuilder admin, ServiceDisruption disruption)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(disruption);
        admin.MapPost("/throttling/storm", (DisruptionRequest body) =>
            EmulatorAdminEndpoints.Guarded(() => disruption.StartStorm(TimeSpan.FromSeconds(body.Seconds), TimeSpan.FromSeconds(body.RetryAfterSeconds))));
        admin.MapPost("/faults/outage", (DisruptionRequest body) =>
            EmulatorAdminEndpoints.Guarded(() => disruption.StartOutage(TimeSpan.FromSeconds(body.Seconds))));
        admin.MapPost("/faults/reset", () => EmulatorAdminEndpoints.Guarded(disruption.Reset));
    }
}
