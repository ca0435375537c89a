using System.Net;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.Processing;

namespace DualWrite.Listener.Applying;

/// <summary>How a service's error becomes an outcome: what waiting can fix is retried, the rest fails with the full reason.</summary>
public static class ErrorOutcomes
{
    /// <param name="error">What the service said.</param>
    /// <param name="context">What we were doing, naming map and key: "Map 'Customers V3', key usmf/US-001: upsert accounts(...)".</param>
    public static ApplyOutcome From(ODataError error, string context)
    {
        System.ArgumentNullException.ThrowIfNull(error);
        var reason = context + ": " + error;

        // 401/403: credentials or privileges being fixed; 404 on a write: a referenced record went away;
        // 412: someone wrote in between. Waiting can fix all of them, and the record's order is kept.
        var retry = error.IsTransient
            || error.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed;
        return retry ? ApplyOutcome.RetryLater(reason, error.RetryAfter) : ApplyOutcome.Failed(reason);
    }
}
