using System;
using DualWrite.Listener.Hosting;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Bulk.Writing;

public sealed class BulkWriterOptionsValidator : IValidateOptions<BulkWriterOptions>
{
    /// <summary>A guard against a typo: Dataverse advises 1,000 per bulk call on standard tables (elastic ones take more).</summary>
    public const int MaxBatchSize = 10000;

    public ValidateOptionsResult Validate(string? name, BulkWriterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems(BulkWriterOptions.SectionName);
        problems.Require(options.BatchSize is >= 1 and <= MaxBatchSize, nameof(options.BatchSize), "must be between 1 and " + MaxBatchSize, options.BatchSize);
        problems.Require(options.FinOpsBatchSize is >= 1 and <= MaxBatchSize, nameof(options.FinOpsBatchSize), "must be between 1 and " + MaxBatchSize, options.FinOpsBatchSize);
        problems.AtLeast(nameof(options.MaxConcurrency), options.MaxConcurrency, 1);
        problems.Require(
            options.InitialConcurrency >= 1 && options.InitialConcurrency <= options.MaxConcurrency,
            nameof(options.InitialConcurrency),
            "must be between 1 and MaxConcurrency (" + options.MaxConcurrency + ")",
            options.InitialConcurrency);
        problems.Require(options.SlowLatencyFactor > 1.0, nameof(options.SlowLatencyFactor), "must be more than 1", options.SlowLatencyFactor);
        problems.AtLeast(nameof(options.BudgetRounds), options.BudgetRounds, 1);
        return problems.ToResult();
    }
}
