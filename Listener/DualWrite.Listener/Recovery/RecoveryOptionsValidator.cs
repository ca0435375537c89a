using System;
using DualWrite.Listener.Hosting;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Recovery;

public sealed class RecoveryOptionsValidator : IValidateOptions<RecoveryOptions>
{
    public ValidateOptionsResult Validate(string? name, RecoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems(RecoveryOptions.SectionName);
        problems.Positive(nameof(options.HeartbeatInterval), options.HeartbeatInterval);
        problems.Positive(nameof(options.RetryDelay), options.RetryDelay);
        problems.Require(
            options.StaleAfter >= 2 * options.HeartbeatInterval,
            nameof(options.StaleAfter),
            "must be at least twice HeartbeatInterval (" + options.HeartbeatInterval + "), or a live listener whose heartbeat is a little late is taken for dead",
            options.StaleAfter);
        return problems.ToResult();
    }
}
