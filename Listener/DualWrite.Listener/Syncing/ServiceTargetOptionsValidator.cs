using System;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Syncing;

/// <summary>Validates the named F&amp;O or Dataverse options; the options name is their configuration section.</summary>
public sealed class ServiceTargetOptionsValidator : IValidateOptions<ServiceTargetOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name is not (ServiceTargetOptions.FinOpsSection or ServiceTargetOptions.DataverseSection))
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = options.Validate(name);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
