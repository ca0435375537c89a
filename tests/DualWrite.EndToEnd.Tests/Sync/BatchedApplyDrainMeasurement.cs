using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.MapStates;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DualWrite.EndToEnd.Tests.Sync;

/// <summary>
/// The drain rate of a queued burst, batched and one at a time, in one run. A measurement, not a timed test: it runs
/// only when <c>DUALWRITE_MEASURE_BURST</c> names the seeded customer count, and writes its figures to the test output.
/// </summary>
public class BatchedApplyDrainMeasurement(ITestOutputHelper output)
{
    [Fact]
    public async Task Measure_the_drain_rate_of_a_burst_batched_and_one_at_a_time()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("DUALWRITE_MEASURE_BURST"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var customers))
        {
            return;
        }

        var batched = await DrainAsync(customers, 500);
        var single = await DrainAsync(customers, 1);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "Batched (500): {0} events in {1:0.00} s = {2:0} events/s", batched.Events, batched.Seconds, batched.Events / batched.Seconds));
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "One at a time: {0} events in {1:0.00} s = {2:0} events/s", single.Events, single.Seconds, single.Events / single.Seconds));
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "Speed-up: {0:0.0}x", (batched.Events / batched.Seconds) / (single.Events / single.Seconds)));
    }

    private async Task<(int Events, double Seconds)> DrainAsync(int customers, int batchSize)
    {
        await using var rig = await SyncRig.StartAsync(
            customers,
            "--DualWrite:Processing:ApplyBatchSize=" + batchSize.ToString(CultureInfo.InvariantCulture),
            "--DualWrite:Processing:ApplyTimeout=00:00:30",
            "--DualWrite:Processing:LeaseDuration=00:01:00");
        var accounts = await rig.SyncedUsmfAccountsAsync();
        var mapStates = rig.Listener.Services.GetRequiredService<IMapStateStore>();
        await mapStates.PauseMapAsync("Customers V3", "queue a burst", CancellationToken.None);
        await Parallel.ForEachAsync(accounts, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (account, _) =>
            await rig.UpdateCustomerInFinOpsAsync(account, new JsonObject { ["SalesMemo"] = "Burst " + batchSize + " " + account }));
        await rig.Emulators.FinOps.Control.Events.WaitForIdleAsync(TimeSpan.FromSeconds(120));
        var limit = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < limit)
        {
            var counts = await rig.Inbox.GetStateCountsAsync(CancellationToken.None);
            if (counts[InboxEventState.Parked] == accounts.Count && counts[InboxEventState.Leased] + counts[InboxEventState.Pending] == 0)
            {
                break;
            }

            await Task.Delay(100);
        }

        var clock = Stopwatch.StartNew();
        await mapStates.ResumeMapAsync("Customers V3", CancellationToken.None);
        await rig.WaitForQuietAsync(TimeSpan.FromSeconds(600));
        clock.Stop();
        foreach (var account in accounts.Where((_, i) => i % 97 == 0))
        {
            Assert.Equal("Burst " + batchSize + " " + account, (await rig.AccountAsync(account))!["description"]!.GetValue<string>());
        }

        return (accounts.Count, clock.Elapsed.TotalSeconds);
    }
}
