using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using DualWrite.Core.Maps;
using DualWrite.Listener.Bulk.InitialSync;

namespace DualWrite.Listener.Commands;

/// <summary>
/// <c>dualwrite initial-sync</c>: loads the selected maps from their master side into the other, in dependency
/// waves, in batches, resumable. Configuration is the listener's (appsettings.json, DUALWRITE__* variables,
/// <c>--DualWrite:...=</c> overrides); the state database is shared with a running listener, which holds a loading
/// map's live events until its load is done.
/// </summary>
internal static class InitialSyncCommand
{
    public const string Description = "Copy the selected maps' rows from their master side to the other in batches, in dependency waves, resumable.";

    private const string ExitCodes =
        "Exit codes: 0 every row written; 1 finished, some records refused (all in the error store and --report files); "
        + "2 configuration problems, an unknown map, or an unfinished run without --resume/--restart; "
        + "3 a map could not run (source unreadable); 130 interrupted (continue with --resume).";

    public static Command Create(TextWriter output)
    {
        var maps = new Option<string?>("--maps") { Description = "Comma-separated map names (default: every map).", HelpName = "a,b" };
        var direction = new Option<string?>("--direction") { Description = "Load every selected map this way, whatever its master side (default: per map, F&O unless DualWrite:InitialSync:Master:<map>=Dataverse)." };
        direction.AcceptOnlyFromAmong("fno-to-dataverse", "dataverse-to-fno");
        var company = new Option<string?>("--company") { Description = "Only this company's rows (F&O dataAreaId, e.g. usmf)." };
        var resume = new Option<bool>("--resume") { Description = "Continue unfinished runs from their checkpoints (rows after the checkpoint may be written again, harmlessly)." };
        var restart = new Option<bool>("--restart") { Description = "Start every selected map over from its first row." };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary on stdout (progress and logs go to stderr)." };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write every refused record to <dir>/initial-sync-<run>-errors.csv and .json.", HelpName = "dir" };
        var batchSize = new Option<int?>("--batch-size") { Description = "Records per batch (default 1000; DualWrite:InitialSync:BatchSize).", HelpName = "n" };
        var maxConcurrency = new Option<int?>("--max-concurrency") { Description = "Most batches in flight per target (default 8; DualWrite:Bulk:MaxConcurrency).", HelpName = "n" };
        var command = new Command("initial-sync", Description + " " + ExitCodes)
        {
            maps,
            direction,
            company,
            resume,
            restart,
            json,
            report,
            batchSize,
            maxConcurrency,
        };

        // Configuration overrides (--DualWrite:FinOps:BaseUrl=...) pass through as unmatched tokens.
        command.TreatUnmatchedTokensAsErrors = false;
        command.Validators.Add(result =>
        {
            if (result.GetValue(resume) && result.GetValue(restart))
            {
                result.AddError("--resume and --restart exclude each other: continue the unfinished runs, or start them over.");
            }

            if (result.GetValue(batchSize) is < 1 or > 5000)
            {
                result.AddError("--batch-size must be between 1 and 5000.");
            }

            if (result.GetValue(maxConcurrency) is < 1 or > 64)
            {
                result.AddError("--max-concurrency must be between 1 and 64.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new InitialSyncRequest(
                parseResult.GetValue(maps)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parseResult.GetValue(direction) switch
                {
                    "fno-to-dataverse" => SyncDirection.FinOpsToDataverse,
                    "dataverse-to-fno" => SyncDirection.DataverseToFinOps,
                    _ => null,
                },
                parseResult.GetValue(company),
                parseResult.GetValue(resume) ? InitialSyncMode.Resume : parseResult.GetValue(restart) ? InitialSyncMode.Restart : InitialSyncMode.Fresh,
                parseResult.GetValue(report)?.FullName);
            var overrides = parseResult.UnmatchedTokens.ToList();
            if (parseResult.GetValue(batchSize) is { } size)
            {
                overrides.Add("--" + InitialSyncOptions.SectionName + ":BatchSize=" + size);
                overrides.Add("--DualWrite:Bulk:BatchSize=" + size);
            }

            if (parseResult.GetValue(maxConcurrency) is { } ceiling)
            {
                overrides.Add("--DualWrite:Bulk:MaxConcurrency=" + ceiling);
                overrides.Add("--" + InitialSyncOptions.SectionName + ":BatchesInFlight=" + ceiling);
            }

            return InitialSyncRun.RunAsync(request, overrides.ToArray(), parseResult.GetValue(json), output, cancellationToken);
        });
        return command;
    }
}
