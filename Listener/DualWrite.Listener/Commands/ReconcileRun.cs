using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Bulk.Reading;
using DualWrite.Listener.Bulk.Reconcile;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.Syncing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DualWrite.Listener.Commands;

/// <summary>
/// Runs <c>dualwrite reconcile</c> on the listener's services (without its endpoint or worker), validates the
/// configuration as <c>listen</c> does, and prints a table on a terminal, plain lines otherwise, JSON with --json.
/// </summary>
internal static class ReconcileRun
{
    public const int InAgreement = 0;
    public const int DifferencesFound = 1;
    public const int ConfigurationProblem = 2;
    public const int CannotRead = 3;

    public static async Task<int> RunAsync(ReconcileRequest request, string[] args, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var terminal = OneShotHost.IsTerminal(json, output);
        var (app, problems) = OneShotHost.Build(args, terminal);
        if (app is null)
        {
            return await ProblemsAsync(output, problems).ConfigureAwait(false);
        }

        await using var owned = app;
        ReconcileReport report;
        try
        {
            if (request.Fix)
            {
                // Fixes save the records' last synced values: the state store's tables must exist.
                await app.Services.GetRequiredService<DualWrite.Listener.StateStore.StateDatabase>().InitializeAsync(cancellationToken).ConfigureAwait(false);
            }

            var reconciler = app.Services.GetRequiredService<Reconciler>();
            report = terminal
                ? await AnsiConsole.Status().StartAsync("Reconciling...", context =>
                    reconciler.RunAsync(request, done => context.Status("Reconciling... " + Markup.Escape(done.Map) + (done.Company is null ? string.Empty : " " + done.Company) + " done"), cancellationToken)).ConfigureAwait(false)
                : await reconciler.RunAsync(request, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ReconcileConfigurationException ex)
        {
            return await ProblemsAsync(output, new[] { ex.Message }).ConfigureAwait(false);
        }
        catch (SourceReadException ex)
        {
            await (json ? Console.Error : output).WriteLineAsync("Cannot read: " + ex.Message).ConfigureAwait(false);
            return CannotRead;
        }

        var exitCode = report.Unresolved == 0 ? InAgreement : DifferencesFound;
        if (json)
        {
            await output.WriteLineAsync(ReconcileOutput.Json(report, exitCode)).ConfigureAwait(false);
        }
        else if (terminal)
        {
            AnsiConsole.Write(ReconcileOutput.Table(report));
            if (ReconcileOutput.DifferencesTable(report) is { } differences)
            {
                AnsiConsole.Write(differences);
            }

            foreach (var line in ReconcileOutput.Lines(report).Where(l => !l.StartsWith("Map '", StringComparison.Ordinal) && !l.StartsWith("  ", StringComparison.Ordinal) || report.Maps.Any(m => m.Problems.Contains(l.Trim()))))
            {
                AnsiConsole.WriteLine(line.Trim());
            }
        }
        else
        {
            foreach (var line in ReconcileOutput.Lines(report))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        return exitCode;
    }

    private static async Task<int> ProblemsAsync(TextWriter output, IReadOnlyCollection<string> problems)
    {
        await ConfigurationProblemsReport.WriteAsync(output, problems).ConfigureAwait(false);
        return ConfigurationProblem;
    }
}
