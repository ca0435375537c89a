using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Tests.StateStore;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Inbox;

/// <summary>The contract every <see cref="DualWrite.Listener.Inbox.IEventInbox"/> keeps, run against SQLite and a real PostgreSQL.</summary>
public abstract class EventInboxContract : StateStoreContract
{
    [Fact]
    public async Task Initializing_twice_keeps_the_data()
    {
        await Inbox.ReceiveAsync(TestEvents.Customer("C1", 1), "{}", None);
        await Database.InitializeAsync(None);
        Assert.Equal(1, (await Inbox.GetStateCountsAsync(None))[InboxEventState.Pending]);
    }

    [Fact]
    public async Task A_received_event_is_stored_pending_with_its_fields()
    {
        var e = TestEvents.Customer("C1", 42);
        var result = await Inbox.ReceiveAsync(e, TestEvents.Json(e), None);

        Assert.Equal(new ReceiveResult(false, 1), result);
        var stored = await Inbox.GetEventAsync(e.EventId, None);
        Assert.NotNull(stored);
        Assert.Equal(InboxEventState.Pending, stored.State);
        Assert.Equal(e.ContextRecordSubject, stored.RecordKey);
        Assert.Equal("CustomersV3", stored.EntitySet);
        Assert.Equal(e.EntityKey.ToPredicate(), stored.EntityKey);
        Assert.Equal(42, stored.ControlNumber);
        Assert.Equal(Time.GetUtcNow(), stored.NextAttemptAt);
        Assert.Equal(0, stored.Attempts);
        Assert.Equal(e.EventId, stored.ToChangeEvent().EventId);
    }

    [Fact]
    public async Task A_redelivered_event_is_stored_once_and_its_receive_count_goes_up()
    {
        var e = TestEvents.Customer("C1", 1);
        await Inbox.ReceiveAsync(e, TestEvents.Json(e), None);
        var second = await Inbox.ReceiveAsync(e, TestEvents.Json(e), None);
        var third = await Inbox.ReceiveAsync(e, TestEvents.Json(e), None);

        Assert.Equal(new ReceiveResult(true, 2), second);
        Assert.Equal(new ReceiveResult(true, 3), third);
        Assert.Single(await Inbox.GetRecordEventsAsync(e.ContextRecordSubject, None));
        Assert.Equal(3, (await Inbox.GetEventAsync(e.EventId, None))!.ReceiveCount);
    }

    [Theory]
    [InlineData("record")]
    [InlineData("company")]
    [InlineData("operation")]
    [InlineData("control number")]
    [InlineData("time")]
    public async Task An_event_id_reused_with_other_content_is_neither_stored_nor_counted_and_the_stored_event_is_returned(string differs)
    {
        var e = TestEvents.Customer("C1", 10);
        await Inbox.ReceiveAsync(e, TestEvents.Json(e), None);
        var other = differs switch
        {
            "record" => Copy(e, key: TestEvents.Customer("C2", 1).EntityKey),
            "company" => Copy(e, legalEntity: "demf"),
            "operation" => Copy(e, operation: DualWrite.Core.Events.ChangeOperation.Delete),
            "control number" => Copy(e, controlNumber: 11),
            _ => Copy(e, eventTime: e.EventTimeUtc.AddSeconds(1)),
        };

        var result = await Inbox.ReceiveAsync(other, TestEvents.Json(other), None);

        Assert.NotNull(result.StoredWithOtherContent);
        Assert.Equal(e.EventId, result.StoredWithOtherContent.EventId);
        Assert.Equal(e.ContextRecordSubject, result.StoredWithOtherContent.RecordKey);
        Assert.Equal(10, result.StoredWithOtherContent.ControlNumber);
        var stored = await Inbox.GetEventAsync(e.EventId, None);
        Assert.Equal(1, stored!.ReceiveCount);
        Assert.Equal(TestEvents.Json(e), stored.Body);
        Assert.Equal(1, (await Inbox.GetStateCountsAsync(None))[InboxEventState.Pending]);
    }

    [Fact]
    public async Task An_exact_redelivery_after_a_reused_event_id_is_still_counted_as_a_duplicate()
    {
        var e = TestEvents.Customer("C1", 10);
        await Inbox.ReceiveAsync(e, TestEvents.Json(e), None);
        await Inbox.ReceiveAsync(Copy(e, controlNumber: 99), "{}", None);

        var again = await Inbox.ReceiveAsync(e, TestEvents.Json(e), None);

        Assert.Equal(new ReceiveResult(true, 2), again);
        Assert.Null(again.StoredWithOtherContent);
    }

    [Fact]
    public async Task Concurrent_deliveries_are_each_stored_once_and_counted()
    {
        var events = Enumerable.Range(0, 60).Select(i => TestEvents.Customer("C" + (i % 7), i)).ToList();

        var results = await Task.WhenAll(events.Concat(events).Select(e => Inbox.ReceiveAsync(e, TestEvents.Json(e), None)));

        Assert.Equal(60, results.Count(r => !r.IsDuplicate));
        Assert.Equal(60, results.Count(r => r.IsDuplicate));
        Assert.Equal(60, (await Inbox.GetStateCountsAsync(None))[InboxEventState.Pending]);
        foreach (var e in events)
        {
            Assert.Equal(2, (await Inbox.GetEventAsync(e.EventId, None))!.ReceiveCount);
        }
    }

    [Fact]
    public async Task A_claim_takes_only_the_lowest_control_number_of_each_record()
    {
        await ReceiveAsync(TestEvents.Customer("A", 30), TestEvents.Customer("A", 10), TestEvents.Customer("A", 20), TestEvents.Customer("B", 5));

        var claimed = await Inbox.ClaimAsync("one", 10, Lease, None);

        Assert.Equal(["A:10", "B:5"], claimed.Select(Describe).Order());
        Assert.All(claimed, e => Assert.Equal(InboxEventState.Leased, e.State));
        Assert.All(claimed, e => Assert.Equal("one", e.LeaseOwner));
        Assert.All(claimed, e => Assert.Equal(1, e.Attempts));
    }

    [Fact]
    public async Task A_leased_record_is_held_as_a_unit_even_when_an_earlier_event_arrives()
    {
        await ReceiveAsync(TestEvents.Customer("A", 20));
        var first = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));

        await ReceiveAsync(TestEvents.Customer("A", 10), TestEvents.Customer("A", 30));

        Assert.Empty(await Inbox.ClaimAsync("two", 10, Lease, None));
        await Inbox.CompleteAsync(first, "one", InboxEventState.Applied, null, None);
        var next = Assert.Single(await Inbox.ClaimAsync("two", 10, Lease, None));
        Assert.Equal(10, next.ControlNumber);
    }

    [Fact]
    public async Task Completing_an_event_lets_the_record_move_to_its_next_event()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2));
        var first = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));

        var result = await Inbox.CompleteAsync(first, "one", InboxEventState.Applied, null, None);

        Assert.True(result.LeaseHeld);
        var done = await Inbox.GetEventAsync(first.EventId, None);
        Assert.Equal(InboxEventState.Applied, done!.State);
        Assert.Null(done.LeaseOwner);
        Assert.Equal(Time.GetUtcNow(), done.CompletedAt);
        Assert.Equal(2, Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None)).ControlNumber);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_first_owner_can_no_longer_record()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1));
        var crashed = Assert.Single(await Inbox.ClaimAsync("crashed", 10, Lease, None));

        Time.Advance(Lease - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Inbox.ClaimAsync("survivor", 10, Lease, None));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        var taken = Assert.Single(await Inbox.ClaimAsync("survivor", 10, Lease, None));

        Assert.Equal(crashed.EventId, taken.EventId);
        Assert.Equal(2, taken.Attempts);
        Assert.False((await Inbox.CompleteAsync(crashed, "crashed", InboxEventState.Applied, null, None)).LeaseHeld);
        Assert.True((await Inbox.CompleteAsync(taken, "survivor", InboxEventState.Applied, null, None)).LeaseHeld);
    }

    [Fact]
    public async Task A_retry_waits_for_its_next_attempt_time_and_keeps_the_reason()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2));
        var leased = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));

        await Inbox.RetryLaterAsync(leased, "one", Time.GetUtcNow().AddSeconds(10), "429 from Dataverse", None);

        Assert.Empty(await Inbox.ClaimAsync("one", 10, Lease, None));
        Assert.Equal(Time.GetUtcNow().AddSeconds(10), await Inbox.GetNextDueTimeAsync("one", None));
        Time.Advance(TimeSpan.FromSeconds(10));
        var again = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));
        Assert.Equal(leased.EventId, again.EventId);
        Assert.Equal("429 from Dataverse", again.LastError);
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task A_parked_event_wakes_when_the_record_it_waits_for_is_applied()
    {
        var groupKey = TestEvents.CustomerGroupKey("10");
        await ReceiveAsync(TestEvents.Customer("A", 1));
        var child = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));
        await Inbox.ParkAsync(child, "one", groupKey, Time.GetUtcNow().AddHours(1), "customer group 10 missing", None);
        Assert.Empty(await Inbox.ClaimAsync("one", 10, Lease, None));
        Assert.Equal(InboxEventState.Parked, (await Inbox.GetEventAsync(child.EventId, None))!.State);

        await ReceiveAsync(TestEvents.CustomerGroup("10", 5));
        var parent = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));
        var result = await Inbox.CompleteAsync(parent, "one", InboxEventState.Applied, null, None);

        Assert.Equal(1, result.WokenEvents);
        Assert.Equal(child.EventId, Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None)).EventId);
    }

    [Fact]
    public async Task A_parked_event_is_retried_at_its_fallback_time_if_nothing_arrives()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1));
        var child = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));
        await Inbox.ParkAsync(child, "one", "CustomerGroups(dataAreaId='usmf',CustomerGroupId='10')", Time.GetUtcNow().AddMinutes(10), "missing", None);

        Assert.Equal(Time.GetUtcNow().AddMinutes(10), await Inbox.GetNextDueTimeAsync("one", None));
        Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(child.EventId, Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None)).EventId);
    }

    [Fact]
    public async Task Releasing_returns_leased_events_due_now_without_counting_the_attempt()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("B", 1), TestEvents.Customer("C", 1));
        var claimed = await Inbox.ClaimAsync("stopping", 10, Lease, None);
        Assert.Equal(3, claimed.Count);

        Assert.True(await Inbox.ReleaseAsync(claimed[0], "stopping", None));
        Assert.Equal(2, await Inbox.ReleaseAllAsync("stopping", None));

        var counts = await Inbox.GetStateCountsAsync(None);
        Assert.Equal(3, counts[InboxEventState.Pending]);
        Assert.Equal(0, counts[InboxEventState.Leased]);
        var again = await Inbox.ClaimAsync("other", 10, Lease, None);
        Assert.All(again, e => Assert.Equal(1, e.Attempts));
    }

    [Fact]
    public async Task The_next_due_time_ignores_records_held_by_this_instance_and_counts_other_leases()
    {
        Assert.Null(await Inbox.GetNextDueTimeAsync("one", None));
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2));
        Assert.Equal(Time.GetUtcNow(), await Inbox.GetNextDueTimeAsync("one", None));

        await Inbox.ClaimAsync("one", 10, Lease, None);

        Assert.Null(await Inbox.GetNextDueTimeAsync("one", None));
        Assert.Equal(Time.GetUtcNow() + Lease, await Inbox.GetNextDueTimeAsync("two", None));
    }

    [Fact]
    public async Task Claims_from_many_owners_at_once_never_lease_a_record_twice()
    {
        for (var i = 0; i < 40; i++)
        {
            await ReceiveAsync(TestEvents.Customer("R" + (i % 10), i));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(o => Inbox.ClaimAsync("owner" + o, 5, Lease, None)));

        var records = claims.SelectMany(c => c).Select(e => e.RecordKey).ToList();
        Assert.Equal(10, records.Count);
        Assert.Equal(10, records.Distinct().Count());
    }

    [Fact]
    public async Task A_renewed_lease_is_not_taken_over_while_its_owner_renews_it()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("B", 1));
        var held = await Inbox.ClaimAsync("alive", 10, Lease, None);
        Assert.Equal(2, held.Count);

        // Three lease lengths pass, renewed every half lease: nobody else gets the records.
        for (var i = 0; i < 6; i++)
        {
            Time.Advance(Lease / 2);
            var renewed = await Inbox.RenewLeasesAsync(held.Select(e => e.EventId).ToList(), "alive", Lease, None);
            Assert.Equal(held.Select(e => e.EventId).Order(), renewed.Order());
            Assert.Empty(await Inbox.ClaimAsync("other", 10, Lease, None));
        }

        Assert.All(held, e => Assert.True(Inbox.CompleteAsync(e, "alive", InboxEventState.Applied, null, None).Result.LeaseHeld));
    }

    [Fact]
    public async Task A_lease_whose_owner_stops_renewing_is_taken_over_and_the_old_owner_cannot_renew_it_back()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1));
        var first = Assert.Single(await Inbox.ClaimAsync("died", 10, Lease, None));
        Time.Advance(Lease / 2);
        Assert.Single(await Inbox.RenewLeasesAsync([first.EventId], "died", Lease, None));

        // No more heartbeats: the renewed lease runs out a full lease after the last renewal, not before.
        Time.Advance(Lease - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Inbox.ClaimAsync("survivor", 10, Lease, None));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        var taken = Assert.Single(await Inbox.ClaimAsync("survivor", 10, Lease, None));

        Assert.Empty(await Inbox.RenewLeasesAsync([first.EventId], "died", Lease, None));
        Time.Advance(Lease / 2);
        Assert.Empty(await Inbox.ClaimAsync("died", 10, Lease, None));
        Assert.True((await Inbox.CompleteAsync(taken, "survivor", InboxEventState.Applied, null, None)).LeaseHeld);
        Assert.Empty(await Inbox.RenewLeasesAsync([first.EventId], "survivor", Lease, None));
    }

    [Fact]
    public async Task The_lease_keeper_cancels_an_apply_whose_lease_was_taken_over_and_keeps_the_others()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("B", 1));
        var claimed = await Inbox.ClaimAsync("slow", 10, Lease, None);
        using var keeper = new DualWrite.Listener.Processing.LeaseKeeper(Inbox, "slow", Lease, Time);
        keeper.Track(claimed);
        var a = claimed.Single(e => e.RecordKey == TestEvents.CustomerKey("A"));
        var b = claimed.Single(e => e.RecordKey == TestEvents.CustomerKey("B"));
        var tokenA = keeper.LostTokens([a])[0];
        var tokenB = keeper.LostTokens([b])[0];

        Time.Advance(Lease / 3);
        Assert.Equal(0, await keeper.RenewAsync(None));

        // Another instance takes A over (an operator released it, say); the next heartbeat notices.
        Assert.True(await Inbox.ReleaseAsync(a, "slow", None));
        Assert.Single(await Inbox.ClaimAsync("other", 10, Lease, None));
        Time.Advance(Lease / 3);
        Assert.Equal(1, await keeper.RenewAsync(None));

        Assert.True(tokenA.IsCancellationRequested);
        Assert.True(keeper.IsLost(a));
        Assert.False(tokenB.IsCancellationRequested);
        Assert.False(keeper.IsLost(b));
        Assert.True((await Inbox.CompleteAsync(b, "slow", InboxEventState.Applied, null, None)).LeaseHeld);
    }

    [Fact]
    public async Task The_lease_keeper_counts_a_lease_lost_once_its_known_expiry_passes_without_a_renewal()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1));
        var leased = Assert.Single(await Inbox.ClaimAsync("cut-off", 10, Lease, None));
        using var keeper = new DualWrite.Listener.Processing.LeaseKeeper(Inbox, "cut-off", Lease, Time);
        keeper.Track([leased]);

        Time.Advance(Lease - TimeSpan.FromMilliseconds(1));
        Assert.False(keeper.IsLost(leased));
        Time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(keeper.IsLost(leased));
    }

    [Fact]
    public async Task Purging_deletes_only_old_completed_events()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2));
        var first = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));
        await Inbox.CompleteAsync(first, "one", InboxEventState.Applied, null, None);
        Time.Advance(TimeSpan.FromDays(8));

        Assert.Equal(1, await Inbox.PurgeCompletedAsync(Time.GetUtcNow().AddDays(-7), None));

        Assert.Equal(2, Assert.Single(await Inbox.GetRecordEventsAsync(TestEvents.CustomerKey("A"), None)).ControlNumber);
    }


    private static DualWrite.Core.Events.FinOpsChangeEvent Copy(
        DualWrite.Core.Events.FinOpsChangeEvent e,
        DualWrite.Core.Keys.ODataKey? key = null,
        string? legalEntity = null,
        DualWrite.Core.Events.ChangeOperation? operation = null,
        long? controlNumber = null,
        DateTime? eventTime = null) =>
        new(e.EventId, controlNumber ?? e.ControlNumber, eventTime ?? e.EventTimeUtc, legalEntity ?? e.LegalEntity, e.EntitySet, operation ?? e.Operation, key ?? e.EntityKey);
}
