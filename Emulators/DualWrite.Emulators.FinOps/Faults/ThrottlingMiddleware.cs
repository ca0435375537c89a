using System;
using System.Globalization;
using System.Threading.Tasks;
using DualWrite.Emulators.FinOps.OData;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.FinOps.Faults;

/// <summary>Answers 429 with Retry-After (whole seconds, at least 1) when the <see cref="Throttle"/> says so.</summary>
public sealed class ThrottlingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly Throttle _throttle;

    public ThrottlingMiddleware(RequestDelegate next, Throttle throttle)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        _throttle = throttle ?? throw new ArgumentNullException(nameof(throttle));
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var retryAfter = _throttle.Enter();
        if (retryAfter is null)
        {
            try
            {
                await _next(context).ConfigureAwait(false);
            }
            finally
            {
                _throttle.Leave();
            }

            return;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.Value.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = ODataResponse.JsonContentType;
        var body = ODataErrors.Body(
            "The request was throttled: the system is experiencing high resource utilization or the client exceeded its limits. Retry after "
            + seconds.ToString(CultureInfo.InvariantCulture) + " seconds.",
            "Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataThrottlingException");
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
