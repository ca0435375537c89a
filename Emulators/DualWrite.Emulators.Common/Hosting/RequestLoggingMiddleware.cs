using System;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DualWrite.Emulators.Common.Hosting;

/// <summary>
/// First in the pipeline: every request, refused or answered (data, token, admin), is timed, logged and kept in
/// the <see cref="RequestLog"/>.
/// </summary>
public sealed partial class RequestLoggingMiddleware
{
    private readonly RequestDelegate _next;
    private readonly RequestLog _log;
    private readonly TimeProvider _time;
    private readonly ILogger<RequestLoggingMiddleware> _logger;

    public RequestLoggingMiddleware(RequestDelegate next, RequestLog log, TimeProvider time, ILogger<RequestLoggingMiddleware> logger)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var received = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        // The raw target, not the decoded path: percent-encoded keys are logged as the caller sent them.
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
        try
        {
            await _next(context).ConfigureAwait(false);
        }
        finally
        {
            var elapsed = _time.GetElapsedTime(started);
            var status = context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode;
            var client = BearerAuthenticationMiddleware.ClientOf(context)?.ClientId;
            _log.Add(new RequestLogEntry(received, context.Request.Method, target, status, elapsed, client));
            LogRequest(context.Request.Method, target, status, elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Target} -> {Status} in {Milliseconds:0.0} ms")]
    private partial void LogRequest(string method, string target, int status, double milliseconds);
}
