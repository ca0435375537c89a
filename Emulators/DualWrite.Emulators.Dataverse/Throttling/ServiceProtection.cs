using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Emulators.Dataverse.WebApi.Faults;

namespace DualWrite.Emulators.Dataverse.Throttling;

/// <summary>
/// The service protection limits' state: per caller, the start times and durations of requests in the sliding
/// window and the requests in flight. Thread-safe (one lock; the work under it is tiny). Tests change the limits
/// at run time through <see cref="Options"/> and clear the history with <see cref="Reset"/>.
/// </summary>
public sealed class ServiceProtection
{
    private readonly object _gate = new();
    private readonly Dictionary<string, CallerWindow> _callers = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private ServiceProtectionOptions _options;

    public ServiceProtection(ServiceProtectionOptions options, TimeProvider time)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public ServiceProtectionOptions Options
    {
        get { lock (_gate) { return _options; } }
        set { lock (_gate) { _options = value ?? throw new ArgumentNullException(nameof(value)); } }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _callers.Clear();
        }
    }

    /// <summary>Admits a request (counting it in flight) or says which limit refuses it.</summary>
    public ThrottleDecision TryEnter(string caller)
    {
        lock (_gate)
        {
            var options = _options;
            if (!options.Enabled)
            {
                return ThrottleDecision.Admitted;
            }

            var now = _time.GetUtcNow();
            var window = Window(caller, now - options.Window);
            if (window.InFlight >= options.MaxConcurrentRequests)
            {
                return new ThrottleDecision(
                    WebApiErrorCodes.ConcurrencyLimitExceeded,
                    $"Number of concurrent requests exceeded the limit of {options.MaxConcurrentRequests}.",
                    options.ConcurrencyRetryAfter);
            }

            if (window.Requests.Count >= options.MaxRequests)
            {
                return new ThrottleDecision(
                    WebApiErrorCodes.RequestLimitExceeded,
                    $"Number of requests exceeded the limit of {options.MaxRequests} over time window of {Seconds(options.Window)} seconds.",
                    RetryAfter(window.Requests.Peek() + options.Window, now));
            }

            var used = window.Durations.Aggregate(TimeSpan.Zero, (sum, d) => sum + d.Duration);
            if (used >= options.MaxExecutionTime)
            {
                return new ThrottleDecision(
                    WebApiErrorCodes.ExecutionTimeLimitExceeded,
                    $"Combined execution time of incoming requests exceeded limit of {(long)options.MaxExecutionTime.TotalMilliseconds} milliseconds over time window of {Seconds(options.Window)} seconds. Decrease number of concurrent requests or reduce the duration of requests and try again later.",
                    RetryAfter(window.Durations.Peek().Ended + options.Window, now));
            }

            window.Requests.Enqueue(now);
            window.InFlight++;
            return ThrottleDecision.Admitted with
            {
                RequestsRemaining = options.MaxRequests - window.Requests.Count,
                ExecutionTimeRemaining = options.MaxExecutionTime - used,
            };
        }
    }

    /// <summary>Ends an admitted request, adding its duration to the caller's execution time.</summary>
    public void Exit(string caller, TimeSpan duration)
    {
        lock (_gate)
        {
            if (_callers.TryGetValue(caller, out var window))
            {
                window.InFlight = Math.Max(0, window.InFlight - 1);
                window.Durations.Enqueue((_time.GetUtcNow(), duration));
            }
        }
    }

    private CallerWindow Window(string caller, DateTimeOffset windowStart)
    {
        if (!_callers.TryGetValue(caller, out var window))
        {
            window = new CallerWindow();
            _callers[caller] = window;
        }

        while (window.Requests.Count > 0 && window.Requests.Peek() <= windowStart)
        {
            window.Requests.Dequeue();
        }

        while (window.Durations.Count > 0 && window.Durations.Peek().Ended <= windowStart)
        {
            window.Durations.Dequeue();
        }

        return window;
    }

    private static TimeSpan RetryAfter(DateTimeOffset freeAt, DateTimeOffset now)
        => freeAt > now ? freeAt - now : TimeSpan.FromSeconds(1);

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private sealed class CallerWindow
    {
        public Queue<DateTimeOffset> Requests { get; } = new();

        public Queue<(DateTimeOffset Ended, TimeSpan Duration)> Durations { get; } = new();

        public int InFlight { get; set; }
    }
}
