using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

/// <summary>Sends Web API requests over real HTTP and reads their JSON, the way a client written for the service does.</summary>
internal sealed class WebApiClient : IDisposable
{
    public WebApiClient(HttpClient http)
    {
        Http = http;
    }

    public HttpClient Http { get; }

    public async Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(HttpMethod method, string url, JsonNode? body = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 || text[0] is not ('{' or '[') ? null : JsonNode.Parse(text));
    }

    public async Task<JsonNode> GetJsonAsync(string url, params (string Name, string Value)[] headers)
    {
        var (response, body) = await SendAsync(HttpMethod.Get, url, null, headers);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {body?.ToJsonString()}");
        return body!;
    }

    public static string ErrorCode(JsonNode? body) => body?["error"]?["code"]?.GetValue<string>() ?? "(no error body)";

    public static string ErrorMessage(JsonNode? body) => body?["error"]?["message"]?.GetValue<string>() ?? "(no error body)";

    public void Dispose() => Http.Dispose();
}
