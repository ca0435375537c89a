using System;
using System.Collections.Generic;
using System.Linq;
using DualWrite.Emulators.Common.Hosting;
using DualWrite.Emulators.FinOps.BulkChanges;
using DualWrite.Emulators.FinOps.Events;
using DualWrite.Emulators.FinOps.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Emulators.FinOps.Admin;

/// <summary>
/// The F&amp;O emulator's own <c>/_emulator/...</c> endpoints: the control object over HTTP. The group, and what both
/// emulators share (the request log), come from the host base (<see cref="EmulatorAdminEndpoints"/>).
/// </summary>
public static class AdminEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/status", (FinOpsEmulatorControl control) => Results.Ok(new
        {
            entitySets = control.Store.Read(view => control.Store.Schema.EntitySets.ToDictionary(s => s.Name, s => view.Count(s))),
            eventEndpoints = control.Events.Endpoints.Select(e => e.Name),
            pendingDeliveries = control.Events.PendingDeliveries,
            errorLog = control.Events.ErrorLog.Count,
        }));
        admin.MapPost("/reset", (FinOpsEmulatorControl control) =>
        {
            control.Reset();
            return Results.NoContent();
        });

        admin.MapPost("/faults/fail-writes", (FinOpsEmulatorControl control, FailWritesRequest body) =>
            EmulatorAdminEndpoints.Guarded(() => control.Faults.FailNextWrites(body.Count, body.Status, body.Message)));
        admin.MapPost("/faults/latency", (FinOpsEmulatorControl control, LatencyRequest body) =>
            EmulatorAdminEndpoints.Guarded(() => control.Faults.Latency = TimeSpan.FromMilliseconds(body.Milliseconds)));
        admin.MapPost("/faults/drop-connections", (FinOpsEmulatorControl control, DropConnectionsRequest body) =>
            EmulatorAdminEndpoints.Guarded(() => control.Faults.DropNextRequests(body.Count)));
        admin.MapPost("/faults/stall-writes", (FinOpsEmulatorControl control, StallWritesRequest body) =>
            EmulatorAdminEndpoints.Guarded(() => control.Faults.StallNextWrites(body.Count, TimeSpan.FromSeconds(body.Seconds), body.ThenProcess)));
        admin.MapPost("/throttling/next", (FinOpsEmulatorControl control, ThrottleNextRequest body) =>
            EmulatorAdminEndpoints.Guarded(() => control.Throttle.ThrottleNext(body.Count, TimeSpan.FromSeconds(body.RetryAfterSeconds))));
        admin.MapPost("/throttling/limit", (FinOpsEmulatorControl control, ThrottleLimitRequest body) =>
            EmulatorAdminEndpoints.Guarded(() =>
            {
                control.Throttle.SetLimit(body.Limit, TimeSpan.FromSeconds(body.WindowSeconds));
                control.Throttle.SetConcurrencyLimit(body.Concurrent);
            }));

        admin.MapPost("/data/bulk-change", (FinOpsEmulatorControl control, BulkChangeRequest body) =>
        {
            try
            {
                return Results.Ok(control.BulkChanges.Apply(body));
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        });

        admin.MapGet("/events/endpoints", (FinOpsEmulatorControl control) => Results.Ok(control.Events.Endpoints.Select(EventEndpointView.Of)));
        admin.MapPost("/events/endpoints", (FinOpsEmulatorControl control, EndpointRegistrationRequest body) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name) || !Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                return Results.BadRequest(new { error = "An endpoint needs a name and an absolute http(s) url." });
            }

            control.Events.Register(new EventEndpoint(body.Name, url)
            {
                Headers = body.Headers ?? new Dictionary<string, string>(),
                SigningKey = body.SigningKey,
                SignatureHeader = body.SignatureHeader ?? EventEndpoint.DefaultSignatureHeader,
                TimestampHeader = body.TimestampHeader ?? EventEndpoint.DefaultTimestampHeader,
            });
            return Results.NoContent();
        });
        admin.MapDelete("/events/endpoints/{name}", async (FinOpsEmulatorControl control, string name) =>
            await control.Events.UnregisterAsync(name).ConfigureAwait(false) ? Results.NoContent() : Results.NotFound());
        admin.MapPost("/events/duplicate-next", (FinOpsEmulatorControl control, DuplicateNextRequest body) =>
            EmulatorAdminEndpoints.Guarded(() => control.Events.DuplicateNext(body.Count)));
        admin.MapPost("/events/reorder-next", (FinOpsEmulatorControl control, ReorderNextRequest? body) =>
            EmulatorAdminEndpoints.Guarded(() => control.Events.ReorderNext(body?.Count ?? 1)));
        admin.MapPost("/events/release-held", (FinOpsEmulatorControl control) => EmulatorAdminEndpoints.Guarded(control.Events.ReleaseHeld));
        admin.MapGet("/events/published", (FinOpsEmulatorControl control) => Results.Ok(control.Events.Published.Select(p => p.Json)));
        admin.MapGet("/events/errors", (FinOpsEmulatorControl control) => Results.Ok(control.Events.ErrorLog.Entries));
        admin.MapPost("/events/errors/resend", (FinOpsEmulatorControl control) => Results.Ok(new { resent = control.Events.ResendAll() }));
        admin.MapPost("/events/errors/{id:guid}/resend", (FinOpsEmulatorControl control, Guid id) =>
            control.Events.Resend(id) ? Results.NoContent() : Results.NotFound());
    }
}
