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
        var terminal = OneShotHost.IsTerminal(json, output);
        var (app, problems) = OneShotHost.Build(args, terminal);
        if (app is null)
        {
            await ConfigurationProblemsReport.WriteAsync(output, problems).ConfigureAwait(false);
            return InitialSyncExitCodes.ConfigurationProblem;
        }

        await using var owned = app;
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
}
