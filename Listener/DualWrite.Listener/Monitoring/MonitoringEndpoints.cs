using System;
using DualWrite.Listener.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Listener.Monitoring;

public static class MonitoringEndpoints
{
    /// <summary>
    /// <c>GET /api/monitor[?minutes=N]</c>: per map the totals since start, the last minute's throughput, apply
    /// latency p50/p99 and lag over the last 5 minutes, and the last N (default and at most 15) minutes in 10-second buckets.
    /// </summary>
    public static RouteGroupBuilder MapMonitorEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/monitor", (int? minutes, HttpContext context) =>
        {
            // A listener host without the sync services measures nothing.
            if (context.RequestServices.GetService(typeof(MonitorAggregator)) is not MonitorAggregator aggregator)
            {
                return AdminProblems.NotFound("This listener runs without the sync services, so it has no sync figures.");
            }

            if (minutes is < 1 or > 15)
            {
                return AdminProblems.BadRequest("minutes must be between 1 and 15; " + minutes + " was given.");
            }

            return Results.Json(aggregator.Snapshot(minutes is { } m ? TimeSpan.FromMinutes(m) : null), AdminJson.Options);
        });
        return api;
    }
}
