using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Listener.MapStates;

/// <summary><c>/api/maps</c>: the maps with their states and backlogs, and the operations that change a state.</summary>
public static class MapStateEndpoints
{
    public static RouteGroupBuilder MapMapStateEndpoints(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/maps", async ([FromServices] MapOperations operations, CancellationToken cancellationToken) =>
            Results.Json(await operations.GetMapsAsync(cancellationToken).ConfigureAwait(false), AdminJson.Options));
        api.MapGet("/maps/{name}", async (string name, [FromServices] MapOperations operations, CancellationToken cancellationToken) =>
            await operations.GetMapAsync(name, cancellationToken).ConfigureAwait(false) is { } map
                ? Results.Json(map, AdminJson.Options)
                : AdminProblems.NotFound(operations.UnknownMapDetail(name)));
        api.MapPost("/maps/{name}/{action}", ChangeAsync);
        return api;
    }

    private static async Task<IResult> ChangeAsync(string name, string action, HttpRequest request, [FromServices] MapOperations operations, CancellationToken cancellationToken)
    {
        Func<string, string?, CancellationToken, Task<MapOperationResult>>? operation = action.ToLowerInvariant() switch
        {
            "start" => operations.StartAsync,
            "pause" => operations.PauseAsync,
            "resume" => operations.ResumeAsync,
            "stop" => operations.StopAsync,
            _ => null,
        };
        if (operation is null)
        {
            return AdminProblems.NotFound("No map operation is named '" + action + "'. The operations are: start, pause, resume, stop.");
        }

        string? reason = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                reason = (await request.ReadFromJsonAsync<MapActionRequest>(AdminJson.Options, cancellationToken).ConfigureAwait(false))?.Reason;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                return AdminProblems.BadRequest("The body of " + action + " on map '" + name + "' is not { \"reason\": \"...\" }: " + ex.Message);
            }
        }

        if (MapReason.Problem(reason) is { } tooLong)
        {
            return AdminProblems.BadRequest("The reason of " + action + " on map '" + name + "' cannot be kept: " + tooLong);
        }

        var result = await operation(name, reason, cancellationToken).ConfigureAwait(false);
        return result.Problem switch
        {
            null => Results.Json(result.Map, AdminJson.Options),
            MapProblemKind.UnknownMap => AdminProblems.NotFound(result.Detail!),
            _ => AdminProblems.Conflict(result.Detail!),
        };
    }
}
