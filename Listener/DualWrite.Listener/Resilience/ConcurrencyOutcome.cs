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

    /// <summary>
    /// Answered, but close to the service's wall (its remaining budget is low): the limit shrinks by a quarter,
    /// once per round like a throttle, so the caller slows down before the 429s start.
    /// </summary>
    Congested = 3,
}
