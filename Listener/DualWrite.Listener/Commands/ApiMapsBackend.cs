using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Admin;
using DualWrite.Listener.MapStates;

namespace DualWrite.Listener.Commands;

/// <summary>A running listener's <c>/api/maps</c>, with the admin key as a bearer token when one is given.</summary>
internal sealed class ApiMapsBackend : IMapsBackend
{
    private readonly HttpClient _http;

    public ApiMapsBackend(Uri baseUrl, string? apiKey, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/api/");
        _http.Timeout = TimeSpan.FromSeconds(30);
        if (!string.IsNullOrEmpty(apiKey))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    public async Task<IReadOnlyList<MapStatus>> GetMapsAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("maps", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        await EnsureAnsweredAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<List<MapStatus>>(AdminJson.Options, cancellationToken).ConfigureAwait(false) ?? [];
    }

    public async Task<MapOperationResult> ChangeAsync(string operation, string map, string? reason, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(
            new Uri("maps/" + Uri.EscapeDataString(map) + "/" + operation, UriKind.Relative), new MapActionRequest(reason), AdminJson.Options, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            var detail = await DetailAsync(response, cancellationToken).ConfigureAwait(false);
            return MapOperationResult.Refused(response.StatusCode == HttpStatusCode.NotFound ? MapProblemKind.UnknownMap : MapProblemKind.InvalidTransition, detail);
        }

        await EnsureAnsweredAsync(response, cancellationToken).ConfigureAwait(false);
        var status = await response.Content.ReadFromJsonAsync<MapStatus>(AdminJson.Options, cancellationToken).ConfigureAwait(false);
        return MapOperationResult.Done(status ?? throw new HttpRequestException("The listener answered " + operation + " on map '" + map + "' with an empty body."));
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task EnsureAnsweredAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                "The listener answered " + (int)response.StatusCode + " " + response.ReasonPhrase + ": " + await DetailAsync(response, cancellationToken).ConfigureAwait(false),
                null,
                response.StatusCode);
        }
    }

    /// <summary>A problem's <c>detail</c>, else the body as it came.</summary>
    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                return detail.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        return body.Length == 0 ? "(no body)" : body;
    }
}
