using System;
using DualWrite.Listener.Hosting;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Processing;

public sealed class ProcessingOptionsValidator : IValidateOptions<ProcessingOptions>
{
    /// <summary>Dataverse takes at most 1,000 operations in one <c>$batch</c> or <c>UpsertMultiple</c>.</summary>
    public const int MaxApplyBatchSize = 1000;

    public ValidateOptionsResult Validate(string? name, ProcessingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems(ProcessingOptions.SectionName);
        problems.AtLeast(nameof(options.MaxDegreeOfParallelism), options.MaxDegreeOfParallelism, 1);
        problems.AtLeast(nameof(options.ApplyBatchSize), options.ApplyBatchSize, 1);
        problems.Require(options.ApplyBatchSize <= MaxApplyBatchSize, nameof(options.ApplyBatchSize), "must be at most " + MaxApplyBatchSize + " (a batch is one bulk write)", options.ApplyBatchSize);
        problems.AtLeast(nameof(options.MinimumBatchSize), options.MinimumBatchSize, 2);
        problems.Require(
            options.BatchGatherTime >= TimeSpan.Zero && options.BatchGatherTime <= TimeSpan.FromSeconds(5),
            nameof(options.BatchGatherTime),
            "must be between 0 and 5 seconds (it delays claims while batches run)",
            options.BatchGatherTime);
        problems.Positive(nameof(options.ProgressLogInterval), options.ProgressLogInterval);
        problems.Positive(nameof(options.LeaseDuration), options.LeaseDuration);
        problems.Positive(nameof(options.ApplyTimeout), options.ApplyTimeout);
        // Leases are renewed while an apply runs, so an apply may outlast one lease; a renewal must come before it ends.
        if (options.LeaseRenewalInterval is { } renewal)
        {
            problems.Positive(nameof(options.LeaseRenewalInterval), renewal);
            problems.Require(
                renewal < options.LeaseDuration,
                nameof(options.LeaseRenewalInterval),
                "must be shorter than LeaseDuration (" + options.LeaseDuration + "), or a lease expires between renewals and another instance takes the record over",
                renewal);
        }
        problems.Positive(nameof(options.InitialRetryDelay), options.InitialRetryDelay);
        problems.Require(
            options.MaxRetryDelay >= options.InitialRetryDelay,
            nameof(options.MaxRetryDelay),
            "must be at least InitialRetryDelay (" + options.InitialRetryDelay + ")",
            options.MaxRetryDelay);
        problems.AtLeast(nameof(options.MaxAttempts), options.MaxAttempts, 0);
        problems.Positive(nameof(options.ParkedRecheckInterval), options.ParkedRecheckInterval);
        problems.Positive(nameof(options.IdleRecheckInterval), options.IdleRecheckInterval);
        problems.Positive(nameof(options.StoreFailureDelay), options.StoreFailureDelay);
        problems.Positive(nameof(options.CompletedRetention), options.CompletedRetention);
        problems.Require(options.InstanceName is null || options.InstanceName.Trim().Length > 0, nameof(options.InstanceName), "must not be blank", options.InstanceName);
        return problems.ToResult();
    }
}
