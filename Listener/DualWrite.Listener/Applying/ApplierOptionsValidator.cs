using System;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Applying;

public sealed class ApplierOptionsValidator : IValidateOptions<ApplierOptions>
{
    public ValidateOptionsResult Validate(string? name, ApplierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
