using System;
using System.Net.Http;
using DualWrite.Core.Http;

namespace DualWrite.Listener.Resilience;

/// <summary>A response's Retry-After by Core's <see cref="RetryAfterRule"/>, with the listener's clock as "now".</summary>
public static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        return RetryAfterRule.Wait(response.Headers, timeProvider.GetUtcNow());
    }
}
