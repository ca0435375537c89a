using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Bulk.InitialSync;
using DualWrite.Listener.Bulk.Progress;
using DualWrite.Listener.Bulk.Reports;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.StateStore;
using DualWrite.Listener.Syncing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DualWrite.Listener.Commands;

/// <summary>
/// Runs <c>dualwrite initial-sync</c>: builds the listener's services without starting its endpoint or worker (a
/// running listener may hold the port), validates the configuration as <c>listen</c> does, runs the engine with a
/// progress display, prints the summary (a table on a terminal, text otherwise, JSON with --json) and returns the
/// documented exit code.
/// </summary>
internal static class InitialSyncRun
{
    public static async Task<int> RunAsync(InitialSyncRequest request, string[] args, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var terminal = !json && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        WebApplication app;
        try
        {
            app = ListenerHost.Build(args, builder =>
            {
                builder.Services.AddDualWriteSync(builder.Configuration);

                // Logs never mix with the summary or the JSON on stdout; on a terminal the live display replaces them.
                builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
                if (terminal)
                {
                    builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
                }
            });
        }
        catch (Exception ex) when (ListenerHost.OptionsProblemsOf(ex) is { Count: > 0 } problems)
        {
            return await ConfigurationProblemsAsync(output, problems.ToArray()).ConfigureAwait(false);
        }

        await using var owned = app;
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception ex) when (ListenerHost.OptionsProblemsOf(ex) is { Count: > 0 } problems)
        {
            // The event endpoint's settings do not matter to a load.
            var relevant = problems.Where(p => !p.StartsWith("DualWrite:Receiving", StringComparison.Ordinal)).ToArray();
            if (relevant.Length > 0)
            {
                return await ConfigurationProblemsAsync(output, relevant).ConfigureAwait(false);
            }
        }

        await app.Services.GetRequiredService<StateDatabase>().InitializeAsync(cancellationToken).ConfigureAwait(false);
        var options = app.Services.GetRequiredService<IOptions<InitialSyncOptions>>().Value;
        var engine = app.Services.GetRequiredService<InitialSyncEngine>();
        InitialSyncSummary summary;
        var progress = terminal
            ? (IInitialSyncProgress)new TerminalProgress(AnsiConsole.Console)
            : new PlainProgress(json ? Console.Error : output, options.ProgressInterval, TimeProvider.System);
        await using (progress.ConfigureAwait(false))
        {
            summary = await engine.RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
        }

        var exitCode = InitialSyncExitCodes.For(summary);
        if (json)
        {
            await output.WriteLineAsync(InitialSyncJson.Write(summary, exitCode)).ConfigureAwait(false);
        }
        else if (terminal && summary.Maps.Count > 0)
        {
            AnsiConsole.Write(InitialSyncSummaryTable.Create(summary));
            foreach (var line in InitialSyncSummaryText.Lines(summary).Where(l => l.StartsWith("  errors:", StringComparison.Ordinal) || summary.Problems.Any(p => l.EndsWith(p, StringComparison.Ordinal))))
            {
                AnsiConsole.WriteLine(line.Trim());
            }
        }
        else
        {
            foreach (var line in InitialSyncSummaryText.Lines(summary))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        if (!json && exitCode == InitialSyncExitCodes.Interrupted)
        {
            await output.WriteLineAsync("Interrupted: run `dualwrite initial-sync --resume` with the same selection to continue from the checkpoints.").ConfigureAwait(false);
        }

        return exitCode;
    }

    private static async Task<int> ConfigurationProblemsAsync(TextWriter output, string[] problems)
    {
        await output.WriteLineAsync("The configuration has " + problems.Length + " problem(s):").ConfigureAwait(false);
        foreach (var problem in problems)
        {
            await output.WriteLineAsync("  " + problem).ConfigureAwait(false);
        }

        await output.WriteLineAsync("Set them in appsettings.json, as environment variables (DualWrite__FinOps__BaseUrl=...) or as arguments (--DualWrite:FinOps:BaseUrl=...).").ConfigureAwait(false);
        return InitialSyncExitCodes.ConfigurationProblem;
    }
}
