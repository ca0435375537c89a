using System;

namespace DualWrite.Emulators.FinOps.Faults;

/// <summary>
/// F&amp;O's throttling: 429 with Retry-After. Either the next N requests (resource-based throttling on
/// demand) or a fixed window limit (user-based limits: so many requests per window). Thread-safe; time from <see cref="TimeProvider"/>.
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

    public void Reset()
    {
        lock (_gate)
        {
            _throttleNext = 0;
            _limit = 0;
        }
    }

    /// <summary>Counts a request; returns the Retry-After to answer with, or null when it may run.</summary>
    public TimeSpan? Admit()
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
