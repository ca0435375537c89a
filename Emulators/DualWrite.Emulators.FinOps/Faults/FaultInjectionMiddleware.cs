using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.FinOps.OData;
using Microsoft.AspNetCore.Http;

namespace DualWrite.Emulators.FinOps.Faults;

/// <summary>Applies the <see cref="FaultInjector"/>'s latency, dropped connections, stalled writes and failing writes to /data requests.</summary>
public sealed class FaultInjectionMiddleware
{
    private readonly RequestDelegate _next;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _time;

    public FaultInjectionMiddleware(RequestDelegate next, FaultInjector faults, TimeProvider time)
    {
        _next = next ?? throw new ArgumentNullException(nameof(next));
        _faults = faults ?? throw new ArgumentNullException(nameof(faults));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var latency = _faults.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, _time, context.RequestAborted).ConfigureAwait(false);
        }

        if (_faults.TakeDrop())
        {
            // The client sees a reset connection and no response, as with a network failure or a crashed AOS.
            context.Abort();
            return;
        }

        if (IsWrite(context.Request.Method) && _faults.TakeStall() is { } stall)
        {
            // The body is read first: the caller that gives up closes the connection, and a late write still runs.
            var body = new System.IO.MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            body.Position = 0;
            context.Request.Body = body;

            // A timeout as the caller sees it: no answer for longer than it waits.
            await Task.Delay(stall.Stall, _time, CancellationToken.None).ConfigureAwait(false);
            if (!stall.ThenProcess)
            {
                context.Abort();
                return;
            }

            // The caller is gone; the write runs to its end as F&O's would.
            context.RequestAborted = CancellationToken.None;
        }
        else if (IsWrite(context.Request.Method) && _faults.TakeWriteFailure() is { } failure)
        {
            context.Response.StatusCode = failure.StatusCode;
            context.Response.ContentType = ODataResponse.JsonContentType;
            await context.Response.Body.WriteAsync(ODataErrors.Body(failure.Message, ODataErrors.InjectedFaultType), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await _next(context).ConfigureAwait(false);
    }

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPatch(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);
}
