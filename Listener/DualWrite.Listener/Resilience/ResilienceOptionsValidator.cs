using System;
using DualWrite.Listener.Hosting;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Resilience;

public sealed class ResilienceOptionsValidator : IValidateOptions<ResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, ResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems(ResilienceOptions.SectionName);
        problems.AtLeast(nameof(options.MaxRetryAttempts), options.MaxRetryAttempts, 0);
        problems.Positive(nameof(options.RetryBaseDelay), options.RetryBaseDelay);
        problems.Require(options.RetryMaxDelay >= options.RetryBaseDelay, nameof(options.RetryMaxDelay), "must be at least RetryBaseDelay (" + options.RetryBaseDelay + ")", options.RetryMaxDelay);
        problems.Require(options.MaxRetryAfter >= TimeSpan.Zero, nameof(options.MaxRetryAfter), "must not be negative", options.MaxRetryAfter);
        problems.Positive(nameof(options.AttemptTimeout), options.AttemptTimeout);
        problems.Require(options.BreakerFailureRatio is > 0 and <= 1, nameof(options.BreakerFailureRatio), "must be more than 0 and at most 1", options.BreakerFailureRatio);
        problems.AtLeast(nameof(options.BreakerMinimumThroughput), options.BreakerMinimumThroughput, 2);
        problems.Require(options.BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), nameof(options.BreakerSamplingDuration), "must be at least 00:00:00.5", options.BreakerSamplingDuration);
        problems.Require(options.BreakerBreakDuration >= TimeSpan.FromMilliseconds(500), nameof(options.BreakerBreakDuration), "must be at least 00:00:00.5", options.BreakerBreakDuration);
        problems.AtLeast(nameof(options.MinConcurrency), options.MinConcurrency, 1);
        problems.Require(options.MaxConcurrency >= options.MinConcurrency, nameof(options.MaxConcurrency), "must be at least MinConcurrency (" + options.MinConcurrency + ")", options.MaxConcurrency);
        problems.Require(
            options.InitialConcurrency >= options.MinConcurrency && options.InitialConcurrency <= options.MaxConcurrency,
            nameof(options.InitialConcurrency),
            "must be between MinConcurrency and MaxConcurrency",
            options.InitialConcurrency);
        return problems.ToResult();
    }
}
