using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using DualWrite.Chaos.Checking;
using DualWrite.Chaos.Faults;

namespace DualWrite.Chaos.Reporting;

/// <summary>What a chaos run measured and found; printed as text and written as JSON.</summary>
public sealed record ChaosFigures
{
    public int Seed { get; init; }

    public double RunSeconds { get; init; }

    public int Operations { get; init; }

    public int Accepted { get; init; }

    public int Refused { get; init; }

    public int Unanswered { get; init; }

    /// <summary>Operations by "side kind" (e.g. "F&amp;O update") and by table.</summary>
    public IReadOnlyDictionary<string, int> OperationsBySideAndKind { get; init; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<string, int> OperationsByTable { get; init; } = new Dictionary<string, int>();

    public int TwoSidedEdits { get; init; }

    /// <summary>Refusals by HTTP status (0: no answer).</summary>
    public IReadOnlyDictionary<string, int> RefusalsByStatus { get; init; } = new Dictionary<string, int>();

    /// <summary>The most frequent refusal reasons (shortened), with their counts.</summary>
    public IReadOnlyDictionary<string, int> RefusalReasons { get; init; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<string, int> Faults { get; init; } = new Dictionary<string, int>();

    public int FaultsNotInjected { get; init; }

    public IReadOnlyList<KillRecord> Kills { get; init; } = Array.Empty<KillRecord>();

    public int KillsOutlastingRetries => Kills.Count(k => k.OutlastedRetries);

    public int EventsGivenUpByFinOps { get; init; }

    public double DrainSeconds { get; init; }

    public bool Drained { get; init; }

    public long InboxEvents { get; init; }

    public long InboxFailed { get; init; }

    /// <summary>Reconcile's differences over the three maps (null: it gave no answer).</summary>
    public long? Differences { get; init; }

    public int ReconcileExitCode { get; init; }

    public CheckResult? Check { get; init; }

    public int Lost => Check?.Lost ?? -1;

    public int Duplicated => Check?.Duplicated ?? -1;

    public int LeftBehind => Check?.LeftBehind ?? -1;

    /// <summary>Every promise kept: drained, reconcile in agreement, nothing lost, duplicated, left behind, stray or disagreeing.</summary>
    public bool Converged => Drained && Differences == 0 && Check is { Lost: 0, Duplicated: 0, LeftBehind: 0, Stray: 0, SidesDisagree: 0 };

    public string ToText()
    {
        var text = new StringBuilder();
        void Line(string line) => text.AppendLine(line);
        Line($"Chaos run, seed {Seed}: {Operations:N0} operations in {RunSeconds:0.0} s ({Accepted:N0} accepted, {Refused:N0} refused, {Unanswered:N0} unanswered; {TwoSidedEdits:N0} two-sided edits)");
        Line("  by side:  " + Join(OperationsBySideAndKind));
        Line("  by table: " + Join(OperationsByTable));
        Line("  refusals by status: " + Join(RefusalsByStatus));
        foreach (var (reason, count) in RefusalReasons.OrderByDescending(r => r.Value))
        {
            Line($"    {count,6:N0} x {reason}");
        }

        Line("  faults: " + Join(Faults) + (FaultsNotInjected > 0 ? $" ({FaultsNotInjected} drawn but not taken by a busy emulator)" : string.Empty));
        Line($"  listener kills (SIGKILL): {Kills.Count}, {KillsOutlastingRetries} down longer than F&O's delivery retries (3 x 1 s); F&O gave up on {EventsGivenUpByFinOps} event(s) meanwhile");
        foreach (var kill in Kills)
        {
            Line($"    at {kill.AtSeconds:0.0} s: down {kill.DownSeconds:0.0} s, {kill.EventsGivenUp} event(s) given up");
        }

        Line($"  drain: {(Drained ? "drained" : "NOT drained")} in {DrainSeconds:0.0} s; inbox {InboxEvents:N0} events, {InboxFailed:N0} failed (error queue)");
        Line($"  reconcile: {(Differences?.ToString(CultureInfo.InvariantCulture) ?? "no answer")} differences (exit {ReconcileExitCode})");
        if (Check is { } check)
        {
            Line($"  ledger: {check.AcceptedChecked:N0} accepted operations checked, {check.Lost} lost; {check.RefusedChecked:N0} refused checked, {check.LeftBehind} left something behind; {check.Duplicated} duplicated; {check.Stray} stray rows; {check.Unknown} unanswered ({check.SidesDisagree} of their records disagree)");
            foreach (var finding in check.Examples)
            {
                Line($"    {finding.Kind}: {finding.Record}: {finding.Detail}");
            }
        }

        Line(Converged ? "CONVERGED: 0 differences, 0 lost, 0 duplicated, nothing left behind." : "NOT CONVERGED.");
        return text.ToString();
    }

    public void WriteJson(string path)
    {
        var options = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        File.WriteAllText(path, JsonSerializer.Serialize(this, options));
    }

    private static string Join(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + " " + c.Value.ToString("N0", CultureInfo.InvariantCulture)));
}
