using System;

namespace DualWrite.Emulators.FinOps.Faults;

/// <summary>
/// F&amp;O's throttling: 429 with Retry-After. The next N requests (resource-based throttling on demand),
/// a fixed window limit and a limit on concurrent requests (the user-based limits: so many requests per
/// window, so many at once). Thread-safe; time from <see cref="TimeProvider"/>.
/// </summary>
public sealed class Throttle
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private int _throttleNext;
    private TimeSpan _nextRetryAfter = TimeSpan.FromSeconds(1);
    private int _limit;
    private TimeSpan _window;
    private DateTimeOffset _windowStart;
    private int _windowCount;
    private int _concurrencyLimit;
    private int _inFlight;

    public Throttle(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The next <paramref name="count"/> /data requests answer 429 with Retry-After <paramref name="retryAfter"/>.</summary>
    public void ThrottleNext(int count, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _throttleNext = count;
            _nextRetryAfter = retryAfter;
        }
    }

    /// <summary>At most <paramref name="limit"/> requests per <paramref name="window"/>; 0 turns the limit off (the default).</summary>
    public void SetLimit(int limit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (_gate)
        {
            _limit = limit;
            _window = window;
            _windowStart = _time.GetUtcNow();
            _windowCount = 0;
        }
    }

    /// <summary>At most <paramref name="limit"/> requests in progress at once; 0 turns the limit off (the default).</summary>
    public void SetConcurrencyLimit(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        lock (_gate)
        {
            _concurrencyLimit = limit;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _throttleNext = 0;
            _limit = 0;
            _concurrencyLimit = 0;
        }
    }

    /// <summary>
    /// Counts a request in; null when it may run (then call <see cref="Leave"/> when it ends), else the
    /// Retry-After to answer with.
    /// </summary>
    public TimeSpan? Enter()
    {
        var retryAfter = Admit();
        if (retryAfter is not null)
        {
            return retryAfter;
        }

        lock (_gate)
        {
            if (_concurrencyLimit > 0 && _inFlight >= _concurrencyLimit)
            {
                return TimeSpan.FromSeconds(1);
            }

            _inFlight++;
            return null;
        }
    }

    /// <summary>Counts a request admitted by <see cref="Enter"/> out.</summary>
    public void Leave()
    {
        lock (_gate)
        {
            _inFlight--;
        }
    }

    /// <summary>Counts a request against the next-N and window limits; the Retry-After to answer with, or null.</summary>
    private TimeSpan? Admit()
    {
        lock (_gate)
        {
            if (_throttleNext > 0)
            {
                _throttleNext--;
                return _nextRetryAfter;
            }

            if (_limit == 0)
            {
                return null;
            }

            var now = _time.GetUtcNow();
            if (now - _windowStart >= _window)
            {
                _windowStart = now;
                _windowCount = 0;
            }

            if (_windowCount < _limit)
            {
                _windowCount++;
                return null;
            }

            return _windowStart + _window - now;
        }
    }
}
