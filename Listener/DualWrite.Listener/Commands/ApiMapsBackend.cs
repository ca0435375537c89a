using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Admin;
using DualWrite.Listener.MapStates;

namespace DualWrite.Listener.Commands;

/// <summary>A running listener's <c>/api/maps</c>, through the CLI's one admin API client.</summary>
internal sealed class ApiMapsBackend : IMapsBackend
{
    private readonly AdminApiClient _api;

    public ApiMapsBackend(Uri baseUrl, string? apiKey, HttpMessageHandler? handler = null) => _api = new AdminApiClient(baseUrl, apiKey, handler);

    public async Task<IReadOnlyList<MapStatus>> GetMapsAsync(CancellationToken cancellationToken)
    {
        var result = await _api.GetAsync<List<MapStatus>>("api/maps", cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.Value ?? [] : throw new HttpRequestException(result.Detail);
    }

    public async Task<MapOperationResult> ChangeAsync(string operation, string map, string? reason, CancellationToken cancellationToken)
    {
        var result = await _api.PostAsync<MapStatus>("api/maps/" + Uri.EscapeDataString(map) + "/" + operation, new MapActionRequest(reason), cancellationToken).ConfigureAwait(false);
        return result.Problem switch
        {
            null => MapOperationResult.Done(result.Value ?? throw new HttpRequestException("The listener answered " + operation + " on map '" + map + "' with an empty body.")),
            OperationProblemKind.NotFound => MapOperationResult.Refused(MapProblemKind.UnknownMap, result.Detail!),
            OperationProblemKind.Conflict => MapOperationResult.Refused(MapProblemKind.InvalidTransition, result.Detail!),
            _ => throw new HttpRequestException(result.Detail),
        };
    }

    public ValueTask DisposeAsync()
    {
        _api.Dispose();
        return ValueTask.CompletedTask;
    }
}
