using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>Every problem of <see cref="InitialSyncOptions"/> at once, named by its setting.</summary>
public sealed class InitialSyncOptionsValidator : IValidateOptions<InitialSyncOptions>
{
    public ValidateOptionsResult Validate(string? name, InitialSyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string Section = InitialSyncOptions.SectionName + ":";
        if (options.BatchSize is < 1 or > 5000)
        {
            problems.Add(Section + "BatchSize must be between 1 and 5000 (it is " + options.BatchSize + ").");
        }

        if (options.BatchesInFlight is < 1 or > 64)
        {
            problems.Add(Section + "BatchesInFlight must be between 1 and 64 (it is " + options.BatchesInFlight + ").");
        }

        if (options.BatchesQueued is < 1 or > 64)
        {
            problems.Add(Section + "BatchesQueued must be between 1 and 64 (it is " + options.BatchesQueued + ").");
        }

        if (options.PagesAhead is < 1 or > 8)
        {
            problems.Add(Section + "PagesAhead must be between 1 and 8 (it is " + options.PagesAhead + ").");
        }

        if (options.MappingParallelism is < 1 or > 64)
        {
            problems.Add(Section + "MappingParallelism must be between 1 and 64 (it is " + options.MappingParallelism + ").");
        }

        if (options.MappingSliceSize < 1)
        {
            problems.Add(Section + "MappingSliceSize must be at least 1 (it is " + options.MappingSliceSize + ").");
        }

        if (options.FinOpsPageSize is < 1 or > 10000)
        {
            problems.Add(Section + "FinOpsPageSize must be between 1 and 10000 (it is " + options.FinOpsPageSize + ").");
        }

        if (options.DataversePageSize is < 1 or > 5000)
        {
            problems.Add(Section + "DataversePageSize must be between 1 and 5000 (it is " + options.DataversePageSize + ").");
        }

        foreach (var (map, side) in options.Master)
        {
            if (!string.Equals(side, "FinOps", StringComparison.OrdinalIgnoreCase) && !string.Equals(side, "Dataverse", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(Section + "Master:" + map + " must be FinOps or Dataverse (it is '" + side + "').");
            }
        }

        if (options.ProgressInterval <= TimeSpan.Zero)
        {
            problems.Add(Section + "ProgressInterval must be positive.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
