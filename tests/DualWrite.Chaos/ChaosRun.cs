using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Chaos.Checking;
using DualWrite.Chaos.Driving;
using DualWrite.Chaos.Faults;
using DualWrite.Chaos.Ledger;
using DualWrite.Chaos.Records;
using DualWrite.Chaos.Reporting;
using DualWrite.Chaos.Rig;
using DualWrite.TestSupport.Processes;
using Microsoft.Data.Sqlite;

namespace DualWrite.Chaos;

/// <summary>
/// One chaos run: start the system (separate processes), sync F&amp;O's seed, then operations on both sides with
/// faults and listener kills for the run's length, then stop the faults, wait for the system to drain, and check:
/// reconcile, and the ledger record by record.
/// </summary>
public static class ChaosRun
{
    public static async Task<ChaosFigures> RunAsync(ChaosOptions options, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var outputs = BuildOutputs.Find(options.Configuration, "tests/DualWrite.Chaos");
        var runTag = "X" + (options.Seed % 1000).ToString("D3", CultureInfo.InvariantCulture);
        log($"Starting the F&O emulator, the Dataverse emulator (plug-in steps) and the listener as processes ({options.Configuration} builds)");
        await using var rig = await ChaosRig.StartAsync(outputs, options.Customers).ConfigureAwait(false);
        await rig.InitialSyncAsync().ConfigureAwait(false);
        await rig.StartListenerAsync().ConfigureAwait(false);
        using var clients = await SideClients.CreateAsync(rig.FinOps.BaseAddress, rig.Dataverse.BaseAddress).ConfigureAwait(false);

        var ledger = new OperationLedger();
        var driver = new ChaosDriver(clients, ledger, options.Seed, runTag, options.FormDefaults);
        var faults = new FaultInjector(rig, options.Seed + 1);
        var killer = new ListenerKiller(rig, options.Seed + 2, log);
        log($"Running: {(options.Operations is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) + " operations" : string.Empty)}{(options.Operations is null ? string.Empty : ", at most ")}{options.Duration.TotalSeconds:0} s, {options.Workers} workers, {options.Kills} kills ({options.LongDowns} long), seed {options.Seed}");

        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(options.Duration);
        var faulting = faults.RunAsync(stop.Token);
        var killing = killer.RunAsync(options.Kills, options.LongDowns, EstimatedSpan(options), clock, stop.Token);
        var progress = ProgressAsync(rig, ledger, clock, log, stop.Token);
        await driver.RunAsync(options.Workers, options.Operations, stop.Token).ConfigureAwait(false);
        var runSeconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(faulting, killing, progress).ConfigureAwait(false);

        log($"Operations stopped after {runSeconds:0.0} s ({ledger.Count:N0}); ending the faults and draining");
        await faults.ClearAsync().ConfigureAwait(false);
        if (!rig.ListenerRunning)
        {
            await rig.StartListenerAsync().ConfigureAwait(false);
        }

        var (drained, drainSeconds) = await DrainAsync(rig, options.DrainTimeout, log).ConfigureAwait(false);
        log($"  {(drained ? "drained" : "not drained")} after {drainSeconds:0.0} s; checking");
        var (_, givenUp) = await rig.FinOpsDeliveryAsync().ConfigureAwait(false);
        var inbox = await new InboxProbe(rig.DataDirectory).CountAsync().ConfigureAwait(false);
        if (!drained || inbox.Failed > 0)
        {
            var (states, stuck) = await new InboxProbe(rig.DataDirectory).DescribeAsync().ConfigureAwait(false);
            log("  inbox by state: " + string.Join(", ", states.Select(s => s.Key + " " + s.Value)));
            foreach (var line in stuck)
            {
                log("    " + line);
            }

        }

        var reconcile = await rig.ReconcileAsync(EntityShape.All.Select(s => s.Map)).ConfigureAwait(false);
        var differences = reconcile.Json?["differences"]?.GetValue<long>();
        var snapshot = await SideSnapshot.ReadAsync(clients, runTag).ConfigureAwait(false);
        var check = ConvergenceChecker.Check(driver.Records, snapshot);

        var entries = ledger.Snapshot();
        return new ChaosFigures
        {
            Seed = options.Seed,
            RunSeconds = runSeconds,
            Operations = entries.Count,
            Accepted = entries.Count(e => e.Outcome == Outcome.Accepted),
            Refused = entries.Count(e => e.Outcome == Outcome.Refused),
            Unanswered = entries.Count(e => e.Outcome == Outcome.Unknown),
            OperationsBySideAndKind = entries.GroupBy(e => (e.Side == Side.FinOps ? "F&O " : "Dataverse ") + e.Kind.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count()),
            OperationsByTable = entries.GroupBy(e => e.Entity.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            TwoSidedEdits = entries.Count(e => e.Concurrent) / 2,
            RefusalsByStatus = entries.Where(e => e.Outcome != Outcome.Accepted).GroupBy(e => e.Status.ToString(CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count()),
            RefusalReasons = entries.Where(e => e.Outcome != Outcome.Accepted).GroupBy(e => e.Status + " " + Shorten(e.Reason)).OrderByDescending(g => g.Count()).Take(8).ToDictionary(g => g.Key, g => g.Count()),
            Faults = faults.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value),
            FaultsNotInjected = faults.Missed,
            Kills = killer.Kills.ToArray(),
            EventsGivenUpByFinOps = givenUp,
            Drained = drained,
            DrainSeconds = drainSeconds,
            InboxEvents = inbox.Total,
            InboxFailed = inbox.Failed,
            Differences = differences,
            ReconcileExitCode = reconcile.ExitCode,
            Check = check,
        };
    }

    /// <summary>A refusal's reason without the record's key and numbers, so alike refusals group together.</summary>
    private static string Shorten(string reason)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(reason, "[A-Z]X\\d{3}-?\\d+|\\d+", "#");
        var message = text.LastIndexOf("\"message\":\"", StringComparison.Ordinal);
        text = message >= 0 ? text[(message + 11)..] : text;
        return text.Length > 140 ? text[..140] : text;
    }

    /// <summary>The span kills are spread over: the first 80 % of the duration, so an operation budget met early still sees them.</summary>
    private static TimeSpan EstimatedSpan(ChaosOptions options) => options.Duration * 0.8;

    /// <summary>
    /// Waits until F&amp;O has nothing left to deliver and the listener's inbox has nothing unfinished, steadily for 3 s,
    /// and at least the write-through settle time (a late F&amp;O write is reverted only after it) has passed.
    /// </summary>
    private static async Task<(bool Drained, double Seconds)> DrainAsync(ChaosRig rig, TimeSpan timeout, Action<string> log)
    {
        var clock = Stopwatch.StartNew();
        var probe = new InboxProbe(rig.DataDirectory);
        var quiet = 0;
        var stuck = 0;
        long last = -1;
        while (clock.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            var (pending, _) = await rig.FinOpsDeliveryAsync().ConfigureAwait(false);
            long unfinished;
            try
            {
                unfinished = (await probe.CountAsync().ConfigureAwait(false)).Unfinished;
            }
            catch (SqliteException)
            {
                unfinished = -1;
            }

            quiet = pending == 0 && unfinished == 0 ? quiet + 1 : 0;
            // Events that wait behind a failed event of their record never finish on their own: unchanged for 20 s
            // with nothing left to deliver, the system has gone as far as it will.
            stuck = pending == 0 && unfinished > 0 && unfinished == last ? stuck + 1 : 0;
            last = unfinished;
            if ((int)clock.Elapsed.TotalSeconds % 15 == 0)
            {
                log($"    draining {clock.Elapsed.TotalSeconds:0} s: F&O {pending:N0} events to deliver, inbox {unfinished:N0} unfinished");
            }

            if (clock.Elapsed > ChaosRig.WriteThroughSettle + TimeSpan.FromSeconds(5))
            {
                if (quiet >= 3)
                {
                    return (true, clock.Elapsed.TotalSeconds - 3);
                }

                if (stuck >= 20)
                {
                    log($"    {unfinished:N0} inbox events have not moved for 20 s (waiting behind failed events): stopping the drain");
                    return (false, clock.Elapsed.TotalSeconds - 20);
                }
            }
        }

        return (false, clock.Elapsed.TotalSeconds);
    }

    private static async Task ProgressAsync(ChaosRig rig, OperationLedger ledger, Stopwatch clock, Action<string> log, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(15), stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var (pending, givenUp) = await rig.FinOpsDeliveryAsync().ConfigureAwait(false);
            var inbox = "?";
            try
            {
                var (unfinished, failed, total) = await new InboxProbe(rig.DataDirectory).CountAsync().ConfigureAwait(false);
                inbox = total.ToString("N0", CultureInfo.InvariantCulture) + " received, " + unfinished.ToString("N0", CultureInfo.InvariantCulture) + " unfinished, " + failed.ToString("N0", CultureInfo.InvariantCulture) + " failed";
            }
            catch (SqliteException)
            {
                // Busy or not there yet.
            }

            log($"  {clock.Elapsed.TotalSeconds:0} s: {ledger.Count:N0} operations; F&O: {pending:N0} events to deliver, {givenUp:N0} given up; inbox: {inbox}");
        }
    }
}
