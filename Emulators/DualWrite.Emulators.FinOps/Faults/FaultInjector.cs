using System;

namespace DualWrite.Emulators.FinOps.Faults;

/// <summary>
/// Faults the /data pipeline applies, set from tests (host API) or the admin endpoint. Thread-safe;
/// each "next N" budget is used up by the requests that hit it.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private int _failWrites;
    private InjectedFailure _failure = new(500, "Injected failure.");
    private int _dropRequests;
    private TimeSpan _latency;
    private int _stallWrites;
    private StalledWrite _stall = new(TimeSpan.Zero, false);

    /// <summary>Delay added before every /data request. Zero: none.</summary>
    public TimeSpan Latency
    {
        get
        {
            lock (_gate)
            {
                return _latency;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate)
            {
                _latency = value;
            }
        }
    }

    /// <summary>The next <paramref name="count"/> writes (POST, PATCH, PUT, DELETE, $batch) answer <paramref name="statusCode"/> with F&amp;O's error body, and change nothing.</summary>
    public void FailNextWrites(int count, int statusCode = 500, string? message = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        lock (_gate)
        {
            _failWrites = count;
            _failure = new InjectedFailure(statusCode, message ?? "Injected failure: the emulator was told to fail this write with " + statusCode + ".");
        }
    }

    /// <summary>The next <paramref name="count"/> /data requests lose their connection without an answer.</summary>
    public void DropNextRequests(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _dropRequests = count;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> writes hang for <paramref name="stall"/> (longer than the caller waits: a
    /// timeout), then either lose their connection without running (<paramref name="thenProcess"/> false) or run and
    /// answer late (true: the write lands in F&amp;O after the caller gave up on it).
    /// </summary>
    public void StallNextWrites(int count, TimeSpan stall, bool thenProcess)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(stall, TimeSpan.Zero);
        lock (_gate)
        {
            _stallWrites = count;
            _stall = new StalledWrite(stall, thenProcess);
        }
    }

    /// <summary>Uses up one stalled write, if any is left.</summary>
    public StalledWrite? TakeStall()
    {
        lock (_gate)
        {
            if (_stallWrites == 0)
            {
                return null;
            }

            _stallWrites--;
            return _stall;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _stallWrites = 0;
            _failWrites = 0;
            _dropRequests = 0;
            _latency = TimeSpan.Zero;
        }
    }

    /// <summary>Uses up one failing write, if any is left.</summary>
    public InjectedFailure? TakeWriteFailure()
    {
        lock (_gate)
        {
            if (_failWrites == 0)
            {
                return null;
            }

            _failWrites--;
            return _failure;
        }
    }

    /// <summary>Uses up one dropped connection, if any is left.</summary>
    public bool TakeDrop()
    {
        lock (_gate)
        {
            if (_dropRequests == 0)
            {
                return false;
            }

            _dropRequests--;
            return true;
        }
    }
}
