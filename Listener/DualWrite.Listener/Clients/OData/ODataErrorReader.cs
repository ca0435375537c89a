using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace DualWrite.Listener.Clients.OData;

/// <summary>
/// Reads an OData error body: <c>{"error":{"code","message","innererror":{"message"}}}</c>. F&amp;O's outer
/// message is the useless "An error has occurred." and the reason is in <c>innererror.message</c>;
/// Dataverse's is in <c>error.message</c>. A body that is not an OData error is quoted (shortened).
/// </summary>
public static class ODataErrorReader
{
    private const int MaxQuotedBody = 500;

    public static ODataError Read(HttpStatusCode status, string? body, TimeSpan? retryAfter, string service, string request, bool preferInnerMessage)
    {
        string? code = null;
        string? message = null;
        string? inner = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    code = Text(error, "code");
                    message = Text(error, "message");
                    if (error.TryGetProperty("innererror", out var innerError) && innerError.ValueKind == JsonValueKind.Object)
                    {
                        inner = Text(innerError, "message");
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, say): quoted below.
            }
        }

        var chosen = preferInnerMessage ? (Blank(inner) ? message : inner) : (Blank(message) ? inner : message);
        if (Blank(chosen))
        {
            chosen = Blank(body) ? "no error details" : Shorten(body!);
        }

        return new ODataError(status, Blank(code) ? null : code, chosen!, retryAfter, service, request);
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta;
        }

        if (header?.Date is DateTimeOffset date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        // Some services send fractional seconds, which the typed header rejects.
        if (response.Headers.TryGetValues("Retry-After", out var values))
        {
            foreach (var value in values)
            {
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string Shorten(string body) => body.Length <= MaxQuotedBody ? body.Trim() : body[..MaxQuotedBody].Trim() + "...";
}
