using System.Threading;
using DualWrite.Listener.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>The error queue on the admin API; the same <see cref="ErrorOperations"/> the CLI uses.</summary>
public static class ErrorEndpoints
{
    public static RouteGroupBuilder MapErrorEndpoints(this RouteGroupBuilder api)
    {
        System.ArgumentNullException.ThrowIfNull(api);
        var errors = api.MapGroup("/errors");
        errors.MapGet("/", async ([FromServices] ErrorOperations operations, [FromQuery] string? map, [FromQuery] int? limit, [FromQuery] bool? all, CancellationToken cancellationToken) =>
            (await operations.ListAsync(map, limit ?? ErrorOperations.DefaultLimit, all ?? false, cancellationToken)).ToHttpResult());
        errors.MapGet("/{id:long}", async ([FromServices] ErrorOperations operations, long id, CancellationToken cancellationToken) =>
            (await operations.ShowAsync(id, cancellationToken)).ToHttpResult());
        errors.MapGet("/{id:long}/records", async ([FromServices] ErrorRecordsReader records, long id, CancellationToken cancellationToken) =>
            (await records.ReadAsync(id, cancellationToken)).ToHttpResult());
        errors.MapPost("/{id:long}/retry", async ([FromServices] ErrorOperations operations, long id, CancellationToken cancellationToken) =>
            (await operations.RetryAsync(id, cancellationToken)).ToHttpResult());
        errors.MapPost("/retry", async ([FromServices] ErrorOperations operations, [FromBody] ErrorRetryRequest? request, CancellationToken cancellationToken) =>
        {
            if (request is null || (request.Map is null) == !request.All)
            {
                return AdminProblems.BadRequest("Send either { \"map\": \"NAME\" } or { \"all\": true }.");
            }

            return (await operations.RetryManyAsync(request.Map, cancellationToken)).ToHttpResult();
        });
        errors.MapPost("/{id:long}/discard", async ([FromServices] ErrorOperations operations, long id, [FromBody] ErrorDiscardRequest? request, CancellationToken cancellationToken) =>
            (await operations.DiscardAsync(id, request?.Reason, cancellationToken)).ToHttpResult());
        return api;
    }
}
