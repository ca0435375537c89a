using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Emulators.Dataverse.Throttling;
using DualWrite.Listener.Inbox;

namespace DualWrite.EndToEnd.Tests.Sync;

/// <summary>Throttling, outages and a crashed listener delay changes but lose none and apply none twice.</summary>
public class FailureTests
{
    [Fact]
    public async Task A_429_storm_from_Dataverse_delays_but_loses_nothing()
    {
        await using var rig = await SyncRig.StartAsync(customers: 24);
        var accounts = (await rig.SyncedUsmfAccountsAsync()).Take(6).ToList();
        rig.Emulators.Dataverse.ServiceProtection.Options = new ServiceProtectionOptions { Enabled = true, MaxRequests = 3, Window = TimeSpan.FromSeconds(1) };

        foreach (var account in accounts)
        {
            await rig.UpdateCustomerInFinOpsAsync(account, new JsonObject { ["SalesMemo"] = "Storm " + account });
        }

        await rig.WaitForQuietAsync(TimeSpan.FromSeconds(60));
        rig.Emulators.Dataverse.ServiceProtection.Options = new ServiceProtectionOptions { Enabled = false };
        Assert.Contains(rig.Emulators.Dataverse.RequestLog.Entries, e => e.StatusCode == 429);
        foreach (var account in accounts)
        {
            Assert.Equal("Storm " + account, (await rig.AccountAsync(account))!["description"]?.GetValue<string>());
        }

        Assert.Equal(0, (await rig.Inbox.GetStateCountsAsync(CancellationToken.None))[InboxEventState.Failed]);
    }

    [Fact]
    public async Task A_Dataverse_outage_delays_but_loses_nothing()
    {
        await using var rig = await SyncRig.StartAsync();
        var accounts = (await rig.SyncedUsmfAccountsAsync()).Take(3).ToList();
        rig.DataverseDown = true;

        foreach (var account in accounts)
        {
            await rig.UpdateCustomerInFinOpsAsync(account, new JsonObject { ["SalesMemo"] = "During the outage" });
        }

        await Eventually.TrueAsync(async () => (await rig.Inbox.GetRecordEventsAsync(Key(accounts[0]), CancellationToken.None)).Any(e => e.Attempts >= 2 && e.State == InboxEventState.Pending), "a retried event during the outage");
        Assert.NotEqual("During the outage", (await rig.AccountAsync(accounts[0]))!["description"]?.GetValue<string>());
        rig.DataverseDown = false;

        await rig.WaitForQuietAsync();
        foreach (var account in accounts)
        {
            Assert.Equal("During the outage", (await rig.AccountAsync(account))!["description"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_listener_killed_mid_stream_and_restarted_loses_and_duplicates_nothing()
    {
        await using var rig = await SyncRig.StartAsync(customers: 24);
        var accounts = (await rig.SyncedUsmfAccountsAsync()).Take(4).ToList();
        await rig.WaitForQuietAsync();
        var writesBefore = rig.ListenerToDataverse.Requests.Count(IsWrite);
        var changes = 0;

        for (var round = 1; round <= 5; round++)
        {
            foreach (var account in accounts)
            {
                await rig.UpdateCustomerInFinOpsAsync(account, new JsonObject { ["OrganizationName"] = account + " round " + round });
                changes++;
            }

            if (round == 2)
            {
                // Down longer than F&O's three retries at one second: some deliveries land in F&O's error log.
                await rig.RestartListenerAsync(TimeSpan.FromSeconds(4));
            }
        }

        await rig.Emulators.FinOps.Control.Events.WaitForIdleAsync(TimeSpan.FromSeconds(10));
        rig.Emulators.FinOps.Control.Events.ResendAll();
        await rig.WaitForQuietAsync();
        foreach (var account in accounts)
        {
            Assert.Equal(account + " round 5", (await rig.AccountAsync(account))!["name"]!.GetValue<string>());
        }

        Assert.True(rig.ListenerToDataverse.Requests.Count(IsWrite) - writesBefore <= changes, "More Dataverse writes than F&O changes: something was applied twice.");
        var events = new List<InboxEvent>();
        foreach (var account in accounts)
        {
            events.AddRange(await rig.Inbox.GetRecordEventsAsync(Key(account), CancellationToken.None));
        }

        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.DoesNotContain(events, e => e.State == InboxEventState.Failed);
    }

    private static string Key(string account) => "CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')";

    private static bool IsWrite(string request) => request.StartsWith("PATCH", StringComparison.Ordinal) || request.StartsWith("DELETE", StringComparison.Ordinal);
}
