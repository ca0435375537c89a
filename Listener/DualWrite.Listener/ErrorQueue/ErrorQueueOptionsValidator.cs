using System;
using DualWrite.Listener.Hosting;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.ErrorQueue;

public sealed class ErrorQueueOptionsValidator : IValidateOptions<ErrorQueueOptions>
{
    public ValidateOptionsResult Validate(string? name, ErrorQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems(ErrorQueueOptions.SectionName);
        problems.AtLeast(nameof(options.RetentionDays), options.RetentionDays, 1);
        problems.Positive(nameof(options.SweepInterval), options.SweepInterval);
        return problems.ToResult();
    }
}
