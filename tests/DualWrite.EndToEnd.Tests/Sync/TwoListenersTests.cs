using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.EndToEnd.Tests.Support;
using DualWrite.Listener.Inbox;
using DualWrite.TestSupport;

namespace DualWrite.EndToEnd.Tests.Sync;

[Collection(PostgresCollection.Name)]
public class TwoListenersTests(PostgresServer postgres)
{
    [Fact]
    public async Task Two_listeners_on_one_PostgreSQL_inbox_keep_each_records_order_and_do_nothing_twice()
    {
        var connection = await postgres.CreateSchemaAsync();
        await using var rig = await SyncRig.StartAsync(24, "--DualWrite:Inbox:PostgresConnectionString=" + connection);
        await rig.StartListenerAsync();
        Assert.IsType<DualWrite.Listener.Inbox.Postgres.PostgresEventInbox>(rig.Inbox);
        Assert.Equal(2, rig.Listeners.Count);
        var accounts = (await rig.SyncedUsmfAccountsAsync()).Take(4).ToList();
        await rig.WaitForQuietAsync();
        var writesBefore = rig.ListenerToDataverse.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal));
        var changes = 0;

        for (var round = 1; round <= 5; round++)
        {
            foreach (var account in accounts)
            {
                await rig.UpdateCustomerInFinOpsAsync(account, new JsonObject { ["OrganizationName"] = account + " v" + round });
                changes++;
            }
        }

        await rig.WaitForQuietAsync(TimeSpan.FromSeconds(60));
        var events = new List<InboxEvent>();
        foreach (var account in accounts)
        {
            Assert.Equal(account + " v5", (await rig.AccountAsync(account))!["name"]!.GetValue<string>());
            var record = await rig.Inbox.GetRecordEventsAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='" + account + "')", CancellationToken.None);
            var done = record.Where(e => e.State is InboxEventState.Applied or InboxEventState.Skipped).OrderBy(e => e.ControlNumber).ToList();
            for (var i = 1; i < done.Count; i++)
            {
                Assert.True(done[i].CompletedAt >= done[i - 1].CompletedAt, "Events of " + account + " completed out of ControlNumber order.");
            }

            events.AddRange(record);
        }

        // F&O delivers every event to both listeners; the shared inbox stores each once.
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.Contains(events, e => e.ReceiveCount >= 2);
        Assert.DoesNotContain(events, e => e.State == InboxEventState.Failed);
        Assert.True(rig.ListenerToDataverse.Requests.Count(r => r.StartsWith("PATCH", StringComparison.Ordinal)) - writesBefore <= changes, "More Dataverse writes than F&O changes: something was applied twice.");
    }
}
