using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Clients.Auth;
using DualWrite.Listener.Resilience;
using Polly.CircuitBreaker;

namespace DualWrite.Listener.Clients.OData;

/// <summary>
/// The HTTP side both clients share: OData headers, JSON bodies, error bodies read into
/// <see cref="ODataError"/>, paging by <c>@odata.nextLink</c>. Auth, retries and throttling belong to the
/// HttpClient's handler pipeline, not here.
/// </summary>
public sealed class ODataTransport
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly bool _preferInnerMessage;

    /// <param name="http">Sends the requests (its handlers add tokens, retries, throttling).</param>
    /// <param name="serviceRoot">Ends with '/': <c>https://org.crm.dynamics.com/api/data/v9.2/</c>, <c>https://env.operations.dynamics.com/data/</c>.</param>
    /// <param name="serviceName">Named in error messages: "Dataverse", "F&amp;O".</param>
    /// <param name="preferInnerMessage">F&amp;O puts the reason in <c>innererror.message</c>.</param>
    public ODataTransport(HttpClient http, Uri serviceRoot, string serviceName, bool preferInnerMessage, TimeProvider timeProvider)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        ArgumentNullException.ThrowIfNull(serviceRoot);
        ServiceRoot = serviceRoot.AbsoluteUri.EndsWith('/') ? serviceRoot : new Uri(serviceRoot.AbsoluteUri + "/");
        ServiceName = serviceName ?? throw new ArgumentNullException(nameof(serviceName));
        _preferInnerMessage = preferInnerMessage;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    public Uri ServiceRoot { get; }

    public string ServiceName { get; }

    public Uri Resolve(string relative) => new(ServiceRoot, relative ?? throw new ArgumentNullException(nameof(relative)));

    public Task<ODataResult<ODataResponse>> SendAsync(HttpMethod method, string relative, JsonObject? body, IEnumerable<KeyValuePair<string, string>>? headers, CancellationToken cancellationToken) =>
        SendAsync(method, Resolve(relative), body, headers, cancellationToken);

    public async Task<ODataResult<ODataResponse>> SendAsync(HttpMethod method, Uri url, JsonObject? body, IEnumerable<KeyValuePair<string, string>>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(Json);
        request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
        request.Headers.TryAddWithoutValidation("OData-Version", "4.0");
        if (headers is not null)
        {
            foreach (var header in headers)
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ODataResult<ODataResponse>> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var described = request.Method + " " + request.RequestUri?.PathAndQuery;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsNoAnswer(ex, cancellationToken))
        {
            return ODataResult<ODataResponse>.Failure(NoAnswer(ex, described));
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var retryAfter = RetryAfter.Of(response, _time);
                return ODataResult<ODataResponse>.Failure(ODataErrorReader.Read(response.StatusCode, text, retryAfter, ServiceName, described, _preferInnerMessage));
            }

            JsonObject? json = null;
            if (!string.IsNullOrWhiteSpace(text) && IsJson(response))
            {
                try
                {
                    json = JsonNode.Parse(text) as JsonObject;
                }
                catch (JsonException ex)
                {
                    return ODataResult<ODataResponse>.Failure(new ODataError(response.StatusCode, null, "the answer is not valid JSON: " + ex.Message, null, ServiceName, described));
                }
            }

            var entityId = response.Headers.TryGetValues("OData-EntityId", out var ids) ? TryUri(string.Join(string.Empty, ids)) : null;
            return ODataResult<ODataResponse>.Success(new ODataResponse(response.StatusCode, json, entityId));
        }
    }

    /// <summary>
    /// Sends a request whose answer is not JSON (a <c>$batch</c>): its content type and text. A multipart
    /// answer is returned whatever the status (a failed batch still says which part failed).
    /// </summary>
    public async Task<ODataResult<(string ContentType, string Body)>> SendRawAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var described = request.Method + " " + request.RequestUri?.PathAndQuery;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsNoAnswer(ex, cancellationToken))
        {
            return ODataResult<(string, string)>.Failure(NoAnswer(ex, described));
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var contentType = response.Content.Headers.ContentType?.ToString() ?? string.Empty;
            if (!response.IsSuccessStatusCode && !contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                return ODataResult<(string, string)>.Failure(ODataErrorReader.Read(response.StatusCode, text, RetryAfter.Of(response, _time), ServiceName, described, _preferInnerMessage));
            }

            return ODataResult<(string, string)>.Success((contentType, text));
        }
    }

    /// <summary>GET one record; a 404 is a success with a null value (the record does not exist).</summary>
    public async Task<ODataResult<JsonObject?>> GetRecordAsync(string relative, CancellationToken cancellationToken)
    {
        var result = await SendAsync(HttpMethod.Get, relative, null, null, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return ODataResult<JsonObject?>.Success(result.Value!.Body);
        }

        return result.Error.IsNotFound ? ODataResult<JsonObject?>.Success(null) : ODataResult<JsonObject?>.Failure(result.Error);
    }

    /// <summary>GET one page of a collection; <paramref name="maxPageSize"/> becomes <c>Prefer: odata.maxpagesize</c>.</summary>
    public async Task<ODataResult<ODataPage>> GetPageAsync(Uri url, int? maxPageSize, CancellationToken cancellationToken)
    {
        var headers = maxPageSize is int size
            ? new[] { new KeyValuePair<string, string>("Prefer", "odata.maxpagesize=" + size.ToString(CultureInfo.InvariantCulture)) }
            : null;
        var result = await SendAsync(HttpMethod.Get, url, null, headers, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return ODataResult<ODataPage>.Failure(result.Error);
        }

        var body = result.Value!.Body;
        var rows = new List<JsonObject>();
        if (body?["value"] is JsonArray values)
        {
            foreach (var row in values)
            {
                if (row is JsonObject record)
                {
                    rows.Add(record);
                }
            }
        }

        var next = body?["@odata.nextLink"]?.GetValue<string>();
        return ODataResult<ODataPage>.Success(new ODataPage(rows, next is null ? null : new Uri(ServiceRoot, next)));
    }

    /// <summary>Every row of a query, following nextLinks, up to <paramref name="maxRows"/> (a guard, not a page size).</summary>
    public async Task<ODataResult<IReadOnlyList<JsonObject>>> GetAllAsync(Uri firstPage, int? maxPageSize, int maxRows, CancellationToken cancellationToken)
    {
        var rows = new List<JsonObject>();
        Uri? next = firstPage;
        while (next is not null && rows.Count < maxRows)
        {
            var page = await GetPageAsync(next, maxPageSize, cancellationToken).ConfigureAwait(false);
            if (!page.Succeeded)
            {
                return ODataResult<IReadOnlyList<JsonObject>>.Failure(page.Error);
            }

            rows.AddRange(page.Value!.Rows);
            next = page.Value.NextLink;
        }

        return ODataResult<IReadOnlyList<JsonObject>>.Success(rows);
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is null or "application/json" || response.Content.Headers.ContentType.MediaType.EndsWith("+json", StringComparison.Ordinal);

    private static Uri? TryUri(string text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    // The request got no answer: not sent (no token, or the host's circuit is open), or sent and unanswered.
    private static bool IsNoAnswer(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or AccessTokenException or BrokenCircuitException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private ODataError NoAnswer(Exception ex, string described) => ex switch
    {
        AccessTokenException => new ODataError(0, null, "not sent, no access token: " + ex.Message, null, ServiceName, described),
        BrokenCircuitException open => new ODataError(HttpStatusCode.ServiceUnavailable, null, "not sent, the host's circuit is open: " + ex.Message, open.RetryAfter, ServiceName, described),
        OperationCanceledException => new ODataError(0, null, "no answer in time: " + ex.Message, null, ServiceName, described),
        _ => new ODataError(0, null, "no answer: " + ex.Message, null, ServiceName, described),
    };
}
