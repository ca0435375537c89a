using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace DualWrite.Emulators.FinOps.Tests.Support;

/// <summary>Small helpers for JSON over HttpClient.</summary>
internal static class HttpJson
{
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, url + " -> " + (int)response.StatusCode + " " + await response.Content.ReadAsStringAsync());
        return await ReadAsync(response);
    }

    /// <summary>innererror.message of F&amp;O's error body (and checks the body's shape on the way).</summary>
    public static async Task<string> ErrorMessageAsync(HttpResponseMessage response)
    {
        var error = (await ReadAsync(response)).GetProperty("error");
        Assert.Equal(string.Empty, error.GetProperty("code").GetString());
        Assert.Equal("An error has occurred.", error.GetProperty("message").GetString());
        var inner = error.GetProperty("innererror");
        Assert.False(string.IsNullOrEmpty(inner.GetProperty("type").GetString()));
        Assert.Equal(JsonValueKind.String, inner.GetProperty("stacktrace").ValueKind);
        return inner.GetProperty("message").GetString()!;
    }
}
