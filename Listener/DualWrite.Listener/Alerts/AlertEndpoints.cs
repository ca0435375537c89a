using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using DualWrite.Listener.Admin;

namespace DualWrite.Listener.Alerts;

/// <summary><c>GET /api/alerts?limit=N</c>: the recent alerts, newest first.</summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlertEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/alerts", (int? limit, [FromServices] RecentAlerts recent) =>
            limit is < 1
                ? AdminProblems.BadRequest("limit must be at least 1, not " + limit + ".")
                : Results.Json(recent.Newest(limit ?? 50), AdminJson.Options));
        return api;
    }
}
