using System;
using System.Net;
using System.Net.Http;
using Polly;
using Polly.Timeout;

namespace DualWrite.Listener.Resilience;

/// <summary>Which outcomes are worth another attempt, and which count against a host's circuit.</summary>
public static class TransientHttp
{
    /// <summary>
    /// 429 and 503 say the request was not processed: retry any method. Timeouts, 408 and 5xx may come after
    /// the server acted: retry only methods that are safe to repeat (PATCH included: our writes are upserts
    /// by key). A failure to connect never reached the server: retry any method.
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }

        if (outcome.Exception is HttpRequestException or TimeoutRejectedException)
        {
            return IsRepeatable(method);
        }

        return outcome.Result?.StatusCode switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => true,
            HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => IsRepeatable(method),
            _ => false,
        };
    }

    /// <summary>Failures that say the host is unwell (not throttling, which the concurrency limiter answers).</summary>
    public static bool IsHostFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result?.StatusCode is HttpStatusCode.RequestTimeout
        || (outcome.Result is { } response && (int)response.StatusCode >= 500);

    public static bool IsRepeatable(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Patch;
}
