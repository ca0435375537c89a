using System;
using System.Net;

namespace DualWrite.Listener.Clients.OData;

/// <summary>
/// A failed OData call as a value: the status, the service's error code and message (Dataverse's
/// <c>error.message</c>, F&amp;O's <c>innererror.message</c>), and how long the service asked to wait.
/// Status 0 means no answer (connection refused, timeout).
/// </summary>
public sealed record ODataError(HttpStatusCode StatusCode, string? Code, string Message, TimeSpan? RetryAfter, string Service, string Request)
{
    /// <summary>Worth retrying unchanged: no answer, 408, 429, 5xx (a 412 or 400 will not change by waiting).</summary>
    public bool IsTransient => StatusCode == 0 || StatusCode == HttpStatusCode.RequestTimeout || StatusCode == HttpStatusCode.TooManyRequests || (int)StatusCode >= 500;

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    public override string ToString() =>
        Service + " answered " + (StatusCode == 0 ? "nothing" : ((int)StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + StatusCode)
        + " to " + Request + (Code is { Length: > 0 } ? " (" + Code + ")" : string.Empty) + ": " + Message;
}
