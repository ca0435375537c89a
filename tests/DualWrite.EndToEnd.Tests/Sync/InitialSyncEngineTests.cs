using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Dependencies;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.EndToEnd.Tests.Transactions;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Bulk.InitialSync;
using DualWrite.Listener.Bulk.Progress;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.MapStates;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.EndToEnd.Tests.Sync;

/// <summary>The bulk initial sync against the loopback emulators: waves, reruns, resumes after kills, refused records, live events during a load.</summary>
public class InitialSyncEngineTests
{
    // Small pages and batches, so a few hundred customers make many checkpoints.
    private static readonly string[] SmallBatches =
    [
        "--DualWrite:InitialSync:BatchSize=25", "--DualWrite:InitialSync:FinOpsPageSize=60", "--DualWrite:InitialSync:BatchesInFlight=3",
    ];

    [Fact]
    public async Task Maps_load_in_dependency_waves_each_starting_after_the_previous_wave_finished()
    {
        await using var rig = await SyncRig.StartEmptyAsync(40);
        var progress = new WaveRecorder();

        var summary = await Engine(rig).RunAsync(InitialSyncRequest.All, progress, CancellationToken.None);

        Assert.True(summary.AllCompleted, string.Join(Environment.NewLine, summary.Problems));
        Assert.Empty(progress.StartedBeforeEarlierWaveFinished);
        var waveOf = summary.Maps.ToDictionary(m => m.Map, m => m.Wave);
        var plan = InitialSyncPlanner.Plan(rig.Listener.Services.GetRequiredService<MapCatalog>().Maps);
        foreach (var dependency in plan.Dependencies.Where(d => waveOf.ContainsKey(d.Map) && waveOf.ContainsKey(d.DependsOn)))
        {
            Assert.True(waveOf[dependency.DependsOn] < waveOf[dependency.Map], dependency.ToString());
        }
    }

    [Fact]
    public async Task A_rerun_writes_every_row_again_by_key_and_duplicates_none()
    {
        await using var rig = await SyncRig.StartEmptyAsync(60, SmallBatches);
        var first = await Engine(rig).RunAsync(InitialSyncRequest.All, null, CancellationToken.None);
        var before = await AccountsAsync(rig);

        var second = await Engine(rig).RunAsync(InitialSyncRequest.All, null, CancellationToken.None);

        Assert.True(first.AllCompleted && second.AllCompleted);
        Assert.Equal(0, second.Failed);
        var after = await AccountsAsync(rig);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(after.Count, after.Select(a => a.Key).Distinct().Count());
        Assert.Equal(await ExpectedAccountsAsync(rig), after.Select(a => a.Key).OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_run_killed_at_random_points_and_resumed_each_time_ends_with_every_row_once()
    {
        await using var rig = await SyncRig.StartEmptyAsync(400, SmallBatches);
        var random = new Random(12);
        var kills = 0;
        var mode = InitialSyncMode.Fresh;
        InitialSyncSummary summary;
        while (true)
        {
            // Killed after a random number of rows settle in this pass, not after a time, so a fast machine interrupts
            // as often as a slow one. A page with rows waiting for a parent of their own table holds the watermark
            // until the map's second pass, so later kills come later: the run must be able to reach its end.
            using var kill = new CancellationTokenSource();
            await using var killer = new KillAfterRows(random.Next(20, 260) * (1 + kills / 3), kill);
            summary = await Engine(rig).RunAsync(InitialSyncRequest.All with { Mode = mode }, killer, kill.Token);
            if (!summary.Interrupted)
            {
                break;
            }

            kills++;
            if (kills == 1)
            {
                // Without --resume or --restart an unfinished run is refused, naming both.
                var refused = await Engine(rig).RunAsync(InitialSyncRequest.All, null, CancellationToken.None);
                Assert.Contains(refused.Problems, p => p.Contains("--resume", StringComparison.Ordinal) && p.Contains("--restart", StringComparison.Ordinal));
                Assert.Empty(refused.Maps);
            }

            mode = InitialSyncMode.Resume;
            Assert.True(kills < 40, "The run never got to its end.");
        }

        Assert.True(summary.AllCompleted, string.Join(Environment.NewLine, summary.Problems));
        Assert.True(kills >= 2, "Only " + kills + " kill(s): the run was too quick to interrupt.");
        Assert.Contains(summary.Maps, m => m.Resumed);
        var accounts = await AccountsAsync(rig);
        Assert.Equal(accounts.Count, accounts.Select(a => a.Key).Distinct().Count());
        Assert.Equal(await ExpectedAccountsAsync(rig), accounts.Select(a => a.Key).OrderBy(k => k, StringComparer.Ordinal));
        foreach (var account in (await rig.SyncedUsmfAccountsAsync()).Take(20))
        {
            Assert.Equal((await rig.FinOpsCustomerAsync(account))!["OrganizationName"]!.GetValue<string>(), (await rig.AccountAsync(account))!["name"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Every_record_Dataverse_refuses_is_reported_with_map_key_field_and_reason_while_the_rest_of_its_batch_lands()
    {
        // A customer's own plug-in refuses some accounts, as a real organization's rules would.
        await using var rig = await SyncRig.StartEmptyAsync(
            options => options.AdditionalSteps.Add(new StepRegistration { PluginType = typeof(CustomerPlugin), Message = "Create", Table = "account", Stage = PipelineStage.PreOperation, Rank = 10 }),
            60,
            SmallBatches);
        var accounts = await rig.SyncedUsmfAccountsAsync();
        var bad = new[] { accounts[1], accounts[5], accounts[6] };
        foreach (var account in bad)
        {
            await rig.UpdateCustomerInFinOpsAsync(account, new JsonObject { ["SalesMemo"] = "Memo " + CustomerPlugin.Refuse });
        }

        using var reports = new TempFolder();
        var summary = await Engine(rig).RunAsync(InitialSyncRequest.All with { ReportDirectory = reports.Path }, null, CancellationToken.None);

        var customers = summary.Maps.Single(m => m.Map == "Customers V3");
        Assert.Equal(InitialSyncMapStatus.Completed, customers.Status);
        Assert.Equal(customers.Read, customers.Written + customers.Skipped + customers.Failed);
        var errors = await rig.Listener.Services.GetRequiredService<IErrorQueue>().GetRecordErrorsAsync(summary.RunId, 1000, CancellationToken.None);
        Assert.Equal(summary.Failed, errors.Count);
        foreach (var account in bad)
        {
            var error = Assert.Single(errors, e => e.RecordKey.EndsWith("/" + account, StringComparison.Ordinal) || e.RecordKey.EndsWith("'" + account + "')", StringComparison.Ordinal) || e.RecordKey.Contains(account + "'", StringComparison.Ordinal) && e.Reason.Contains(CustomerPlugin.Refuse, StringComparison.Ordinal));
            Assert.Equal("Customers V3", error.Map);
            Assert.Contains(CustomerPlugin.Refuse, error.Reason, StringComparison.Ordinal);
            Assert.NotEqual(0, error.StatusCode);
            Assert.Null(await rig.AccountAsync(account));
        }

        // The others failed only because they refer to a refused account (their invoice account): each says which.
        Assert.All(errors.Where(e => e.Map == "Customers V3" && !e.Reason.Contains(CustomerPlugin.Refuse, StringComparison.Ordinal)), e => Assert.Contains(bad, b => e.Reason.Contains(b, StringComparison.Ordinal)));
        Assert.NotNull(await rig.AccountAsync(accounts[0]));
        Assert.NotNull(await rig.AccountAsync(accounts[2]));
        var csv = File.ReadAllLines(summary.ReportFiles.Single(f => f.EndsWith(".csv", StringComparison.Ordinal)));
        Assert.Equal(errors.Count + 1, csv.Length);
        var json = JsonNode.Parse(File.ReadAllText(summary.ReportFiles.Single(f => f.EndsWith(".json", StringComparison.Ordinal))))!.AsArray();
        Assert.Equal(errors.Count, json.Count);
    }

    [Fact]
    public async Task Live_events_arriving_while_a_map_loads_are_held_and_applied_after_it_in_order_and_the_newest_value_wins()
    {
        await using var rig = await SyncRig.StartEmptyAsync(300, SmallBatches);
        var accounts = await rig.SyncedUsmfAccountsAsync();
        var account = accounts[0];
        var mapStates = rig.Listener.Services.GetRequiredService<IMapStateStore>();
        var run = Engine(rig).RunAsync(InitialSyncRequest.All, null, CancellationToken.None);
        await Eventually.TrueAsync(async () => (await mapStates.GetPausedMapsAsync(CancellationToken.None)).Any(m => m.MapName == "Customers V3"), "Customers V3 loading");

        for (var round = 1; round <= 3; round++)
        {
            await rig.UpdateCustomerInFinOpsAsync(account, new JsonObject { ["OrganizationName"] = "Live change " + round });
        }

        var key = "CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')";
        await Eventually.TrueAsync(async () => (await rig.Inbox.GetRecordEventsAsync(key, CancellationToken.None)).Any(e => e.State == InboxEventState.Parked), "a held live event");
        Assert.False(run.IsCompleted);

        var summary = await run;
        Assert.True(summary.AllCompleted);
        await rig.WaitForQuietAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("Live change 3", (await rig.AccountAsync(account))!["name"]!.GetValue<string>());
        var events = await rig.Inbox.GetRecordEventsAsync(key, CancellationToken.None);
        Assert.All(events, e => Assert.True(e.State is InboxEventState.Applied or InboxEventState.Skipped, e.ToString()));
        Assert.Empty(await mapStates.GetPausedMapsAsync(CancellationToken.None));
    }

    private static InitialSyncEngine Engine(SyncRig rig) => rig.Listener.Services.GetRequiredService<InitialSyncEngine>();

    /// <summary>Every account in Dataverse as company id + account number.</summary>
    private static async Task<List<KeyValuePair<string, string>>> AccountsAsync(SyncRig rig)
    {
        var rows = (await rig.Dataverse.QueryAllAsync("accounts", new ODataQuery { Select = ["accountnumber", "_msdyn_company_value"], Filter = "accountnumber ne null" })).GetValueOrThrow();
        return rows.Select(r => new KeyValuePair<string, string>(r["_msdyn_company_value"]?.ToString() + "/" + r["accountnumber"]!.GetValue<string>(), r["accountnumber"]!.GetValue<string>())).ToList();
    }

    /// <summary>What an uninterrupted run writes: one account per F&amp;O organization customer, keyed like <see cref="AccountsAsync"/>.</summary>
    private static async Task<List<string>> ExpectedAccountsAsync(SyncRig rig)
    {
        var companies = (await rig.Dataverse.QueryAllAsync("cdm_companies", new ODataQuery { Select = ["cdm_companyid", "cdm_companycode"] })).GetValueOrThrow()
            .ToDictionary(c => c["cdm_companycode"]!.GetValue<string>().ToUpperInvariant(), c => c["cdm_companyid"]!.ToString());
        var customers = (await rig.FinOps.QueryAllAsync("CustomersV3", new ODataQuery { Filter = "PartyType eq 'Organization'", Select = ["dataAreaId", "CustomerAccount"] })).GetValueOrThrow();
        return customers.Select(c => companies[c["dataAreaId"]!.GetValue<string>().ToUpperInvariant()] + "/" + c["CustomerAccount"]!.GetValue<string>()).OrderBy(k => k, StringComparer.Ordinal).ToList();
    }

    /// <summary>Notes every map that starts while a map of an earlier wave is still loading.</summary>
    private sealed class WaveRecorder : IInitialSyncProgress
    {
        private readonly ConcurrentQueue<MapProgress> started = new();

        public ConcurrentQueue<string> StartedBeforeEarlierWaveFinished { get; } = new();

        public void Track(MapProgress map)
        {
            foreach (var earlier in started.Where(s => s.Wave < map.Wave && !s.IsFinished))
            {
                StartedBeforeEarlierWaveFinished.Enqueue(map.Map + " started before " + earlier.Map + " finished");
            }

            started.Enqueue(map);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Cancels a run once the given number of rows have settled across its maps.</summary>
    private sealed class KillAfterRows : IInitialSyncProgress
    {
        private readonly ConcurrentQueue<MapProgress> maps = new();
        private readonly CancellationTokenSource kill;
        private readonly CancellationTokenSource stop = new();
        private readonly Task watcher;

        public KillAfterRows(long rows, CancellationTokenSource kill)
        {
            this.kill = kill;
            watcher = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested && maps.Sum(m => m.Done) < rows)
                {
                    await Task.Delay(1);
                }

                if (!stop.IsCancellationRequested)
                {
                    kill.Cancel();
                }
            });
        }

        public void Track(MapProgress map) => maps.Enqueue(map);

        public async ValueTask DisposeAsync()
        {
            stop.Cancel();
            await watcher;
            stop.Dispose();
        }
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("dualwrite-reports-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
