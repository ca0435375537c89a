using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;

namespace DualWrite.Listener.Hosting;

/// <summary>What every command prints when the configuration is wrong: each problem, then where settings are set.</summary>
public static class ConfigurationProblemsReport
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyCollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(problems);
        await output.WriteLineAsync("The configuration has " + problems.Count + " problem(s):").ConfigureAwait(false);
        foreach (var problem in problems)
        {
            await output.WriteLineAsync("  " + problem).ConfigureAwait(false);
        }

        await output.WriteLineAsync("Set them in appsettings.json, as environment variables (DualWrite__FinOps__BaseUrl=...) or as arguments (--DualWrite:FinOps:BaseUrl=...).").ConfigureAwait(false);
    }
}
