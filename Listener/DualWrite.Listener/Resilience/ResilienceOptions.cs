using System;

namespace DualWrite.Listener.Resilience;

/// <summary>How outgoing HTTP requests (Dataverse, F&amp;O) retry, break and throttle themselves. Section <c>DualWrite:Resilience</c>.</summary>
public sealed class ResilienceOptions
{
    public const string SectionName = "DualWrite:Resilience";

    /// <summary>Retries after the first attempt. Default 5.</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>The first retry delay without a Retry-After; doubles per retry, jittered. Default 1 second.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed retry delay. Default 30 seconds.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After honoured in place; a longer one ends the retries (the caller backs off instead). Default 5 minutes.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The timeout of each attempt. Default 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The failure ratio (0..1] over <see cref="BreakerSamplingDuration"/> that opens a host's circuit. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>The fewest requests in the sampling window before the ratio counts. Default 10.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window failures are counted over. Default 30 seconds.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails requests to its host at once. Default 15 seconds.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Concurrent requests per host to begin with. Default 16.</summary>
    public int InitialConcurrency { get; set; } = 16;

    /// <summary>The floor a 429 can halve the concurrency to. Default 1.</summary>
    public int MinConcurrency { get; set; } = 1;

    /// <summary>The ceiling the concurrency recovers to: Dataverse allows 52 concurrent requests per user. Default 48.</summary>
    public int MaxConcurrency { get; set; } = 48;
}
