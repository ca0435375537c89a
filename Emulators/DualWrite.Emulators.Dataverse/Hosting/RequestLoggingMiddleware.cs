using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DualWrite.Emulators.Dataverse.Hosting;

/// <summary>The outermost step of the pipeline: every request, refused or answered, goes to the log with its status and duration.</summary>
public sealed class RequestLoggingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly RequestLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RequestLoggingMiddleware(RequestDelegate next, RequestLog log, TimeProvider time, ILogger<RequestLoggingMiddleware> logger)
    {
        _next = next;
        _log = log;
        _time = time;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var received = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        finally
        {
            var elapsed = _time.GetElapsedTime(started);
            var target = context.Request.Path + context.Request.QueryString;
            _log.Add(new RequestLogEntry(received, context.Request.Method, target, context.Response.StatusCode, elapsed));
            _logger.LogInformation("{Method} {Target} -> {Status} in {Milliseconds:0.0} ms", context.Request.Method, target, context.Response.StatusCode, elapsed.TotalMilliseconds);
        }
    }
}
