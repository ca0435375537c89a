using System;

namespace DualWrite.Emulators.Dataverse.Throttling;

/// <summary>
/// Service protection limits, per caller (client), over a sliding window. Off unless <see cref="Enabled"/>.
/// Defaults are the service's: 6,000 requests and 1,200 s of execution time per 5 minutes, 52 concurrent requests.
/// </summary>
public sealed record ServiceProtectionOptions
{
    public bool Enabled { get; init; }

    /// <summary>The sliding window (default 5 minutes).</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Requests per window (default 6,000): past it, 429 with 0x80072322.</summary>
    public int MaxRequests { get; init; } = 6000;

    /// <summary>Combined execution time per window (default 1,200 s): past it, 429 with 0x80072321.</summary>
    public TimeSpan MaxExecutionTime { get; init; } = TimeSpan.FromSeconds(1200);

    /// <summary>Requests in flight at once (default 52): past it, 429 with 0x80072326 at once.</summary>
    public int MaxConcurrentRequests { get; init; } = 52;

    /// <summary>Retry-After for the concurrency limit, which clears as soon as a request ends (default 1 s).</summary>
    public TimeSpan ConcurrencyRetryAfter { get; init; } = TimeSpan.FromSeconds(1);
}
