using System;
using System.Globalization;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.WebApi;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.Dataverse.Throttling;

/// <summary>Answers /api/data requests 503 during an injected outage and 429 during an injected storm; nothing runs.</summary>
public sealed class ServiceDisruptionMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ServiceDisruption _disruption;

    public ServiceDisruptionMiddleware(RequestDelegate next, ServiceDisruption disruption)
    {
        _next = next;
        _disruption = disruption;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments(WebApiEndpoint.ServicePath, StringComparison.OrdinalIgnoreCase))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var (outage, stormRetryAfter) = _disruption.Current();
        if (outage)
        {
            await WebApiEndpoint.WriteAsync(context, WebApiResponse.Error(new WebApiError(503, WebApiErrorCodes.Unexpected, "The service is unavailable (injected outage)."))).ConfigureAwait(false);
            return;
        }

        if (stormRetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await WebApiEndpoint.WriteAsync(context, WebApiResponse.Error(new WebApiError(429, WebApiErrorCodes.RequestLimitExceeded, "Number of requests exceeded the limit (injected 429 storm)."))).ConfigureAwait(false);
            return;
        }

        await _next(context).ConfigureAwait(false);
    }
}
