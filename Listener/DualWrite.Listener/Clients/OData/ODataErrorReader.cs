using System;
using System.Net;
using DualWrite.Core.OData;

namespace DualWrite.Listener.Clients.OData;

/// <summary>
/// Turns a failed response into an <see cref="ODataError"/>. The body is read by Core's
/// <see cref="ODataErrorBody"/>, the same rule the plug-in uses (the wait comes from
/// <see cref="Resilience.RetryAfter"/>); this class only adds the service and request names.
/// </summary>
public static class ODataErrorReader
{
    public static ODataError Read(HttpStatusCode status, string? body, TimeSpan? retryAfter, string service, string request, bool preferInnerMessage)
    {
        var code = ODataErrorBody.Parse(body)?.Code;
        var message = ODataErrorBody.Reason(body, preferInnerMessage, "no error details");
        return new ODataError(status, code, message, retryAfter, service, request);
    }
}
