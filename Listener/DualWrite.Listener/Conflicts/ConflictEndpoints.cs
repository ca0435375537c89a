using System.Threading;
using DualWrite.Listener.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Listener.Conflicts;

/// <summary>Conflicts on the admin API; the same <see cref="ConflictOperations"/> the CLI uses.</summary>
public static class ConflictEndpoints
{
    public static RouteGroupBuilder MapConflictEndpoints(this RouteGroupBuilder api)
    {
        System.ArgumentNullException.ThrowIfNull(api);
        var conflicts = api.MapGroup("/conflicts");
        conflicts.MapGet("/", async ([FromServices] ConflictOperations operations, [FromQuery] int? limit, CancellationToken cancellationToken) =>
            (await operations.ListAsync(limit ?? ConflictOperations.DefaultLimit, cancellationToken)).ToHttpResult());
        conflicts.MapGet("/{id:long}", async ([FromServices] ConflictOperations operations, long id, CancellationToken cancellationToken) =>
            (await operations.ShowAsync(id, cancellationToken)).ToHttpResult());
        conflicts.MapPost("/{id:long}/resolve", async ([FromServices] ConflictOperations operations, long id, [FromBody] ConflictResolveRequest? request, CancellationToken cancellationToken) =>
        {
            if (!ConflictTakeNames.TryParse(request?.Take, out var take))
            {
                return AdminProblems.BadRequest("take must be " + ConflictTakeNames.Accepted + " (is " + (request?.Take is null ? "not set" : "'" + request.Take + "'") + ").");
            }

            return (await operations.ResolveAsync(id, take, cancellationToken)).ToHttpResult();
        });
        return api;
    }
}
