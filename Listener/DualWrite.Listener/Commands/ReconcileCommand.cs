using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using DualWrite.Listener.Bulk.Reconcile;

namespace DualWrite.Listener.Commands;

/// <summary>
/// <c>dualwrite reconcile [--maps a,b] [--company usmf] [--fix] [--json] [--report FILE]</c>: compares both sides of the
/// selected maps record by record and field by field; with --fix pushes the master side's values to the other side.
/// </summary>
internal static class ReconcileCommand
{
    public const string Description = "Compare both sides of the selected maps by key and mapped fields; report missing records and field differences, and with --fix push the master side's values.";

    private const string ExitCodes =
        "Exit codes: 0 in agreement (after --fix: everything fixed); 1 differences found (or left after --fix); 2 configuration problems or an unknown map; 3 a side could not be read.";

    public static Command Create(TextWriter output)
    {
        var maps = new Option<string?>("--maps") { Description = "Comma-separated map names or F&O entity sets (default: every map).", HelpName = "a,b" };
        var company = new Option<string?>("--company") { Description = "Only this company (F&O dataAreaId, e.g. usmf); default: every company either side knows." };
        var fix = new Option<bool>("--fix") { Description = "Push the master side's values (F&O unless DualWrite:InitialSync:Master:<map>=Dataverse) to the other side in batches. Records missing on the master side are reported, never deleted." };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on stdout (logs go to stderr)." };
        var report = new Option<FileInfo?>("--report") { Description = "Write every difference to this file as it is found: CSV for .csv, else JSON Lines.", HelpName = "file" };
        var command = new Command("reconcile", Description + " " + ExitCodes) { maps, company, fix, json, report };

        // Configuration overrides (--DualWrite:FinOps:BaseUrl=...) pass through as unmatched tokens.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new ReconcileRequest(
                parseResult.GetValue(maps)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? Array.Empty<string>(),
                parseResult.GetValue(company),
                parseResult.GetValue(fix),
                parseResult.GetValue(report)?.FullName);
            return ReconcileRun.RunAsync(request, parseResult.UnmatchedTokens.ToArray(), parseResult.GetValue(json), output, cancellationToken);
        });
        return command;
    }
}
