using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace DualWrite.Listener.Resilience;

/// <summary>
/// One target host's resilience: retries around a circuit breaker (the host's own), then a concurrency slot,
/// then a timeout per attempt. The state lives as long as the registry, not as long as a handler.
/// </summary>
public sealed class HostResilience
{
    private long throttles;
    private ServiceProtectionBudget? budget;

    internal static readonly ResiliencePropertyKey<HttpMethod> MethodKey = new("DualWrite.HttpMethod");

    public HostResilience(string host, ResilienceOptions options, TimeProvider timeProvider, Action<string, RetryDelayArgs>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Host = host;
        Limiter = new AdaptiveConcurrencyLimiter(options.InitialConcurrency, options.MinConcurrency, options.MaxConcurrency);
        Retries = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetryAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    options.MaxRetryAttempts > 0
                    && args.Context.Properties.TryGetValue(MethodKey, out var method)
                    && TransientHttp.ShouldRetry(args.Outcome, method)
                    && !(WaitAsked(args.Outcome, timeProvider) > options.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(WaitAsked(args.Outcome, timeProvider)),
                OnRetry = args =>
                {
                    onRetry?.Invoke(host, new RetryDelayArgs(args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome)));
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(TransientHttp.IsHostFailure(args.Outcome)),
            })
            .Build();
        AttemptTimeout = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.AttemptTimeout })
            .Build();
    }

    /// <summary><c>scheme://host:port</c>.</summary>
    public string Host { get; }

    public AdaptiveConcurrencyLimiter Limiter { get; }

    /// <summary>
    /// How many 429s this host has answered so far. A caller above the retries (the bulk writer) compares it
    /// before and after a call to learn it was throttled even when a retry hid the 429.
    /// </summary>
    public long Throttles => Interlocked.Read(ref throttles);

    /// <summary>The service-protection budget the host last reported; null when it never did.</summary>
    public ServiceProtectionBudget? LatestBudget => Volatile.Read(ref budget);

    /// <summary>Notes what an answer says about the host's limits (every attempt, retries included).</summary>
    public void Observe(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref throttles);
        }

        if (ServiceProtectionBudget.Read(response) is { } reported)
        {
            Volatile.Write(ref budget, reported);
        }
    }

    internal ResiliencePipeline<HttpResponseMessage> Retries { get; }

    internal ResiliencePipeline<HttpResponseMessage> AttemptTimeout { get; }

    /// <summary>The Retry-After of a 429 or 503, if any.</summary>
    private static TimeSpan? WaitAsked(Outcome<HttpResponseMessage> outcome, TimeProvider timeProvider) =>
        outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable } response
            ? RetryAfter.Of(response, timeProvider)
            : null;

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name + ": " + ex.Message : ((int)outcome.Result!.StatusCode) + " " + outcome.Result.ReasonPhrase;
}
