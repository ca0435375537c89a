using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Tests.StateStore;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.ErrorQueue;

/// <summary>The contract every <see cref="DualWrite.Listener.ErrorQueue.IErrorQueue"/> keeps, run against SQLite and a real PostgreSQL.</summary>
public abstract class ErrorQueueContract : StateStoreContract
{
    [Fact]
    public async Task A_failed_event_blocks_only_its_own_record_until_retried()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2), TestEvents.Customer("A", 3), TestEvents.Customer("B", 1));
        var claimed = await Inbox.ClaimAsync("one", 10, Lease, None);
        var a1 = claimed.Single(e => e.RecordKey == TestEvents.CustomerKey("A"));
        var b1 = claimed.Single(e => e.RecordKey == TestEvents.CustomerKey("B"));

        await Inbox.FailAsync(a1, "one", "CustomerGroupId '99' does not exist in Dataverse", None);
        await Inbox.CompleteAsync(b1, "one", InboxEventState.Applied, null, None);
        await ReceiveAsync(TestEvents.Customer("B", 2));

        var next = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));
        Assert.Equal("B:2", Describe(next));
        var entry = Assert.Single(await ErrorQueue.GetErrorQueueAsync(10, None));
        Assert.Equal(a1.EventId, entry.Event.EventId);
        Assert.Equal("CustomerGroupId '99' does not exist in Dataverse", entry.Event.LastError);
        Assert.Equal(2, entry.BlockedEvents);
        Assert.Null(await Inbox.GetNextDueTimeAsync("one", None));

        Assert.True(await ErrorQueue.RetryFailedAsync(a1.EventId, None));
        Assert.False(await ErrorQueue.RetryFailedAsync(a1.EventId, None));
        var retried = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));
        Assert.Equal(a1.EventId, retried.EventId);
        Assert.Equal(1, retried.Attempts);
    }

    [Fact]
    public async Task Discarding_a_failed_event_lets_the_record_proceed_and_keeps_the_failure()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2));
        var a1 = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));
        await Inbox.FailAsync(a1, "one", "mapping error", None);

        Assert.True(await ErrorQueue.DiscardFailedAsync(a1.EventId, "fixed by hand", None));

        var discarded = await Inbox.GetEventAsync(a1.EventId, None);
        Assert.Equal(InboxEventState.Skipped, discarded!.State);
        Assert.Contains("fixed by hand", discarded.LastError, StringComparison.Ordinal);
        Assert.Contains("mapping error", discarded.LastError, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None)).ControlNumber);
        Assert.Empty(await ErrorQueue.GetErrorQueueAsync(10, None));
    }

    [Fact]
    public async Task Record_errors_of_a_bulk_run_are_all_kept_and_read_back_per_run_in_order()
    {
        var errors = Enumerable.Range(1, 250)
            .Select(i => new DualWrite.Listener.ErrorQueue.RecordError("run-1", "Customers V3", "FinOpsToDataverse", "C" + i, i % 2 == 0 ? "creditlimit" : null, "refused " + i, 400, default))
            .ToList();
        await ErrorQueue.AddRecordErrorsAsync(errors, None);
        await ErrorQueue.AddRecordErrorsAsync([errors[0] with { RunId = "run-2" }], None);
        await ErrorQueue.AddRecordErrorsAsync([], None);

        var read = await ErrorQueue.GetRecordErrorsAsync("run-1", 1000, None);
        Assert.Equal(errors.Select(e => e with { At = Time.GetUtcNow() }), read);
        Assert.Equal(251, (await ErrorQueue.GetRecordErrorsAsync(null, 1000, None)).Count);
        Assert.Equal(10, (await ErrorQueue.GetRecordErrorsAsync("run-1", 10, None)).Count);
    }
}
