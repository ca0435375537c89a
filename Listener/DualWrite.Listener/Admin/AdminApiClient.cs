using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Admin;

/// <summary>
/// The CLI's client for a running listener's admin API (<c>--url</c>): sends the key as a Bearer token, reads results
/// with the API's JSON conventions, and turns a problem+json answer back into the <see cref="OperationResult{T}"/> the
/// service would have returned, so a command prints the same either way.
/// </summary>
public sealed class AdminApiClient : IDisposable
{
    /// <summary>The environment variable the CLI reads the key from when <c>--api-key</c> is not given.</summary>
    public const string ApiKeyVariable = "DUALWRITE_ADMIN_KEY";

    private readonly HttpClient http;

    public AdminApiClient(Uri baseUrl, string? apiKey, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
        http.Timeout = TimeSpan.FromSeconds(100);
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    public Uri BaseUrl => http.BaseAddress!;

    /// <summary>GET <paramref name="path"/> (relative, e.g. <c>api/errors?map=Customers%20V3</c>).</summary>
    public Task<OperationResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    /// <summary>POST <paramref name="body"/> (null: no body) to <paramref name="path"/>.</summary>
    public Task<OperationResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: AdminJson.Options);
        }

        return SendAsync<T>(request, cancellationToken);
    }

    public void Dispose() => http.Dispose();

    private async Task<OperationResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                return OperationResult<T>.Fail(OperationProblemKind.Failed, "Cannot reach the listener at " + http.BaseAddress + ": " + ex.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return OperationResult<T>.Fail(OperationProblemKind.Failed, "The listener at " + http.BaseAddress + " did not answer within " + http.Timeout.TotalSeconds + " s.");
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return OperationResult<T>.Success(JsonSerializer.Deserialize<T>(text, AdminJson.Options)!);
                }

                return OperationResult<T>.Fail(KindOf(response.StatusCode), DetailOf(response, text));
            }
        }
    }

    private static OperationProblemKind KindOf(HttpStatusCode status) => status switch
    {
        HttpStatusCode.NotFound => OperationProblemKind.NotFound,
        HttpStatusCode.BadRequest => OperationProblemKind.BadRequest,
        HttpStatusCode.Conflict => OperationProblemKind.Conflict,
        _ => OperationProblemKind.Failed,
    };

    private string DetailOf(HttpResponseMessage response, string text)
    {
        string? detail = null;
        try
        {
            using var problem = JsonDocument.Parse(text);
            if (problem.RootElement.ValueKind == JsonValueKind.Object && problem.RootElement.TryGetProperty("detail", out var value))
            {
                detail = value.GetString();
            }
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page): the status says enough.
        }

        var status = (int)response.StatusCode + " " + response.ReasonPhrase;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return "The listener at " + http.BaseAddress + " refused the admin key (" + status + "): pass --api-key or set " + ApiKeyVariable + ".";
        }

        return detail ?? "The listener at " + http.BaseAddress + " answered " + status + ".";
    }
}
