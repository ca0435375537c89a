using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.MapStates;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.EndToEnd.Tests.Sync;

/// <summary>
/// A burst of F&amp;O changes through the whole product: the worker applies queued events in batches per map, and each
/// record still ends at F&amp;O's newest value, whether batched or one at a time.
/// </summary>
public class BatchedApplyTests
{
    [Fact]
    public async Task A_burst_is_applied_in_batches_and_every_record_ends_with_its_newest_value()
    {
        await using var rig = await SyncRig.StartAsync(40, "--DualWrite:Processing:ApplyBatchSize=500", "--DualWrite:Processing:ApplyTimeout=00:00:03");
        var initialSyncRequests = rig.ListenerToDataverse.Requests.Count;
        await AssertBurstEndsWithNewestValuesAsync(rig);
        Assert.Contains(rig.ListenerToDataverse.Requests.Skip(initialSyncRequests), r => r.StartsWith("POST", StringComparison.Ordinal) && (r.Contains("$batch", StringComparison.Ordinal) || r.Contains("UpsertMultiple", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task With_ApplyBatchSize_1_the_burst_is_applied_one_event_at_a_time_with_the_same_result()
    {
        await using var rig = await SyncRig.StartAsync(40, "--DualWrite:Processing:ApplyBatchSize=1");
        var initialSyncRequests = rig.ListenerToDataverse.Requests.Count;
        await AssertBurstEndsWithNewestValuesAsync(rig);
        Assert.DoesNotContain(rig.ListenerToDataverse.Requests.Skip(initialSyncRequests), r => r.Contains("$batch", StringComparison.Ordinal) || r.Contains("UpsertMultiple", StringComparison.Ordinal));
    }

    /// <summary>Three rounds of changes to every usmf customer, the map paused meanwhile so the events queue up.</summary>
    private static async Task AssertBurstEndsWithNewestValuesAsync(SyncRig rig)
    {
        var accounts = await rig.SyncedUsmfAccountsAsync();
        Assert.True(accounts.Count >= 5, "the seed has " + accounts.Count + " synced usmf customers");
        var mapStates = rig.Listener.Services.GetRequiredService<IMapStateStore>();
        await mapStates.PauseMapAsync("Customers V3", "queue a burst", CancellationToken.None);
        for (var round = 1; round <= 3; round++)
        {
            foreach (var account in accounts)
            {
                await rig.UpdateCustomerInFinOpsAsync(account, new JsonObject { ["SalesMemo"] = "Round " + round + " for " + account });
            }
        }

        // Every event received and every record's head parked on the paused map: resuming releases them together.
        await rig.Emulators.FinOps.Control.Events.WaitForIdleAsync(TimeSpan.FromSeconds(30));
        var limit = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < limit)
        {
            var counts = await rig.Inbox.GetStateCountsAsync(CancellationToken.None);
            if (counts[InboxEventState.Parked] == accounts.Count && counts[InboxEventState.Leased] == 0)
            {
                break;
            }

            await Task.Delay(50);
        }

        await mapStates.ResumeMapAsync("Customers V3", CancellationToken.None);
        await rig.WaitForQuietAsync(TimeSpan.FromSeconds(60));
        foreach (var account in accounts)
        {
            Assert.Equal("Round 3 for " + account, (await rig.AccountAsync(account))!["description"]!.GetValue<string>());
            var stored = await rig.Inbox.GetRecordEventsAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')", CancellationToken.None);
            Assert.DoesNotContain(stored, e => e.State == InboxEventState.Failed);
        }
    }
}
