using System;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.MapStates.Mirror;

public sealed class QueuedChangeOptionsValidator : IValidateOptions<QueuedChangeOptions>
{
    public ValidateOptionsResult Validate(string? name, QueuedChangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
