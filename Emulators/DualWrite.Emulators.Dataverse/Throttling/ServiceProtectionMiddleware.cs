using System;
using System.Globalization;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Dataverse.WebApi;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.Dataverse.Throttling;

/// <summary>Applies <see cref="ServiceProtection"/> to /api/data requests: 429 + Retry-After (whole seconds, at least 1) when a limit is hit.</summary>
public sealed class ServiceProtectionMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ServiceProtection _protection;
    private readonly TimeProvider _time;

    public ServiceProtectionMiddleware(RequestDelegate next, ServiceProtection protection, TimeProvider time)
    {
        _next = next;
        _protection = protection;
        _time = time;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments(WebApiEndpoint.ServicePath, StringComparison.OrdinalIgnoreCase))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var caller = BearerAuthenticationMiddleware.ClientOf(context)?.ClientId ?? "anonymous";
        var decision = _protection.TryEnter(caller);
        if (!decision.IsAdmitted)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await WebApiEndpoint.WriteAsync(context, WebApiResponse.Error(new WebApiError(429, decision.Code!, decision.Message!))).ConfigureAwait(false);
            return;
        }

        if (decision.RequestsRemaining is int requests && decision.ExecutionTimeRemaining is TimeSpan time)
        {
            context.Response.Headers["x-ms-ratelimit-burst-remaining-xrm-requests"] = requests.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["x-ms-ratelimit-time-remaining-xrm-requests"] = time.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture);
        }

        var started = _time.GetTimestamp();
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        finally
        {
            _protection.Exit(caller, _time.GetElapsedTime(started));
        }
    }
}
