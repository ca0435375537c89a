using System;
using System.Net;
using System.Net.Http;
using DualWrite.Core.Http;
using DualWrite.Core.OData;

namespace DualWrite.Listener.Clients.OData;

/// <summary>
/// Turns a failed response into an <see cref="ODataError"/>. The body is read by Core's
/// <see cref="ODataErrorBody"/> and the wait by Core's <see cref="RetryAfterRule"/>, the same rules the plug-in uses;
/// this class only adds the listener's clock and the service and request names.
/// </summary>
public static class ODataErrorReader
{
    public static ODataError Read(HttpStatusCode status, string? body, TimeSpan? retryAfter, string service, string request, bool preferInnerMessage)
    {
        var code = ODataErrorBody.Parse(body)?.Code;
        var message = ODataErrorBody.Reason(body, preferInnerMessage, "no error details");
        return new ODataError(status, code, message, retryAfter, service, request);
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        return RetryAfterRule.Wait(response.Headers, time.GetUtcNow());
    }
}
