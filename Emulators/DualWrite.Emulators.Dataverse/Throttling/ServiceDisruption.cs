using System;

namespace DualWrite.Emulators.Dataverse.Throttling;

/// <summary>
/// Injected disruptions of the whole Web API, for fault runs: a 429 storm (every request refused with the
/// service-protection answer until it ends) and an outage (every request answered 503 until it ends). Both off by
/// default and bounded in time, so a run that forgets to end one still recovers. Thread-safe.
/// </summary>
public sealed class ServiceDisruption
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private DateTimeOffset _stormUntil = DateTimeOffset.MinValue;
    private TimeSpan _stormRetryAfter = TimeSpan.FromSeconds(1);
    private DateTimeOffset _outageUntil = DateTimeOffset.MinValue;

    public ServiceDisruption(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Every /api/data request gets 429 (0x80072322, Retry-After <paramref name="retryAfter"/>) for <paramref name="duration"/>; zero ends a storm.</summary>
    public void StartStorm(TimeSpan duration, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.FromSeconds(1));
        lock (_gate)
        {
            _stormUntil = _time.GetUtcNow() + duration;
            _stormRetryAfter = retryAfter;
        }
    }

    /// <summary>Every /api/data request gets 503 for <paramref name="duration"/>; zero ends an outage.</summary>
    public void StartOutage(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        lock (_gate)
        {
            _outageUntil = _time.GetUtcNow() + duration;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _stormUntil = DateTimeOffset.MinValue;
            _outageUntil = DateTimeOffset.MinValue;
        }
    }

    /// <summary>What a request meets now: nothing, an outage (it wins over a storm) or a storm with its Retry-After.</summary>
    public (bool Outage, TimeSpan? StormRetryAfter) Current()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now < _outageUntil)
            {
                return (true, null);
            }

            return now < _stormUntil ? (false, _stormRetryAfter) : (false, null);
        }
    }
}
