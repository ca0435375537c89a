namespace DualWrite.Listener.Resilience;

/// <summary>What a request tells the concurrency limiter.</summary>
public enum ConcurrencyOutcome
{
    /// <summary>No signal (a timeout, a 5xx, a cancelled request): the limit stays.</summary>
    Neutral = 0,

    /// <summary>Answered and not throttled: the limit grows a little.</summary>
    Succeeded = 1,

    /// <summary>429: the limit halves.</summary>
    Throttled = 2,
}
