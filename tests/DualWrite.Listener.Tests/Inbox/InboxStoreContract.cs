using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Inbox;

/// <summary>
/// The contract every <see cref="IInboxStore"/> keeps, run against SQLite and a real PostgreSQL. Time is a
/// ManualTimeProvider, so leases, retries and parking are exact.
/// </summary>
public abstract class InboxStoreContract : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly CancellationToken None = CancellationToken.None;

    protected ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

    protected IInboxStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync(Time).ConfigureAwait(false);
        await Store.InitializeAsync(None).ConfigureAwait(false);
    }

    public virtual Task DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A store over fresh, empty storage.</summary>
    protected abstract Task<IInboxStore> CreateStoreAsync(TimeProvider timeProvider);

    [Fact]
    public async Task Initializing_twice_keeps_the_data()
    {
        await Store.ReceiveAsync(TestEvents.Customer("C1", 1), "{}", None);
        await Store.InitializeAsync(None);
        Assert.Equal(1, (await Store.GetStateCountsAsync(None))[InboxEventState.Pending]);
    }

    [Fact]
    public async Task A_received_event_is_stored_pending_with_its_fields()
    {
        var e = TestEvents.Customer("C1", 42);
        var result = await Store.ReceiveAsync(e, TestEvents.Json(e), None);

        Assert.Equal(new ReceiveResult(false, 1), result);
        var stored = await Store.GetEventAsync(e.EventId, None);
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
        await Store.ReceiveAsync(e, TestEvents.Json(e), None);
        var second = await Store.ReceiveAsync(e, TestEvents.Json(e), None);
        var third = await Store.ReceiveAsync(e, TestEvents.Json(e), None);

        Assert.Equal(new ReceiveResult(true, 2), second);
        Assert.Equal(new ReceiveResult(true, 3), third);
        Assert.Single(await Store.GetRecordEventsAsync(e.ContextRecordSubject, None));
        Assert.Equal(3, (await Store.GetEventAsync(e.EventId, None))!.ReceiveCount);
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
        await Store.ReceiveAsync(e, TestEvents.Json(e), None);
        var other = differs switch
        {
            "record" => Copy(e, key: TestEvents.Customer("C2", 1).EntityKey),
            "company" => Copy(e, legalEntity: "demf"),
            "operation" => Copy(e, operation: DualWrite.Core.Events.ChangeOperation.Delete),
            "control number" => Copy(e, controlNumber: 11),
            _ => Copy(e, eventTime: e.EventTimeUtc.AddSeconds(1)),
        };

        var result = await Store.ReceiveAsync(other, TestEvents.Json(other), None);

        Assert.NotNull(result.StoredWithOtherContent);
        Assert.Equal(e.EventId, result.StoredWithOtherContent.EventId);
        Assert.Equal(e.ContextRecordSubject, result.StoredWithOtherContent.RecordKey);
        Assert.Equal(10, result.StoredWithOtherContent.ControlNumber);
        var stored = await Store.GetEventAsync(e.EventId, None);
        Assert.Equal(1, stored!.ReceiveCount);
        Assert.Equal(TestEvents.Json(e), stored.Body);
        Assert.Equal(1, (await Store.GetStateCountsAsync(None))[InboxEventState.Pending]);
    }

    [Fact]
    public async Task An_exact_redelivery_after_a_reused_event_id_is_still_counted_as_a_duplicate()
    {
        var e = TestEvents.Customer("C1", 10);
        await Store.ReceiveAsync(e, TestEvents.Json(e), None);
        await Store.ReceiveAsync(Copy(e, controlNumber: 99), "{}", None);

        var again = await Store.ReceiveAsync(e, TestEvents.Json(e), None);

        Assert.Equal(new ReceiveResult(true, 2), again);
        Assert.Null(again.StoredWithOtherContent);
    }

    [Fact]
    public async Task Concurrent_deliveries_are_each_stored_once_and_counted()
    {
        var events = Enumerable.Range(0, 60).Select(i => TestEvents.Customer("C" + (i % 7), i)).ToList();

        var results = await Task.WhenAll(events.Concat(events).Select(e => Store.ReceiveAsync(e, TestEvents.Json(e), None)));

        Assert.Equal(60, results.Count(r => !r.IsDuplicate));
        Assert.Equal(60, results.Count(r => r.IsDuplicate));
        Assert.Equal(60, (await Store.GetStateCountsAsync(None))[InboxEventState.Pending]);
        foreach (var e in events)
        {
            Assert.Equal(2, (await Store.GetEventAsync(e.EventId, None))!.ReceiveCount);
        }
    }

    [Fact]
    public async Task A_claim_takes_only_the_lowest_control_number_of_each_record()
    {
        await ReceiveAsync(TestEvents.Customer("A", 30), TestEvents.Customer("A", 10), TestEvents.Customer("A", 20), TestEvents.Customer("B", 5));

        var claimed = await Store.ClaimAsync("one", 10, Lease, None);

        Assert.Equal(["A:10", "B:5"], claimed.Select(Describe).Order());
        Assert.All(claimed, e => Assert.Equal(InboxEventState.Leased, e.State));
        Assert.All(claimed, e => Assert.Equal("one", e.LeaseOwner));
        Assert.All(claimed, e => Assert.Equal(1, e.Attempts));
    }

    [Fact]
    public async Task A_leased_record_is_held_as_a_unit_even_when_an_earlier_event_arrives()
    {
        await ReceiveAsync(TestEvents.Customer("A", 20));
        var first = Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));

        await ReceiveAsync(TestEvents.Customer("A", 10), TestEvents.Customer("A", 30));

        Assert.Empty(await Store.ClaimAsync("two", 10, Lease, None));
        await Store.CompleteAsync(first, "one", InboxEventState.Applied, null, None);
        var next = Assert.Single(await Store.ClaimAsync("two", 10, Lease, None));
        Assert.Equal(10, next.ControlNumber);
    }

    [Fact]
    public async Task Completing_an_event_lets_the_record_move_to_its_next_event()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2));
        var first = Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));

        var result = await Store.CompleteAsync(first, "one", InboxEventState.Applied, null, None);

        Assert.True(result.LeaseHeld);
        var done = await Store.GetEventAsync(first.EventId, None);
        Assert.Equal(InboxEventState.Applied, done!.State);
        Assert.Null(done.LeaseOwner);
        Assert.Equal(Time.GetUtcNow(), done.CompletedAt);
        Assert.Equal(2, Assert.Single(await Store.ClaimAsync("one", 10, Lease, None)).ControlNumber);
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_the_first_owner_can_no_longer_record()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1));
        var crashed = Assert.Single(await Store.ClaimAsync("crashed", 10, Lease, None));

        Time.Advance(Lease - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Store.ClaimAsync("survivor", 10, Lease, None));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        var taken = Assert.Single(await Store.ClaimAsync("survivor", 10, Lease, None));

        Assert.Equal(crashed.EventId, taken.EventId);
        Assert.Equal(2, taken.Attempts);
        Assert.False((await Store.CompleteAsync(crashed, "crashed", InboxEventState.Applied, null, None)).LeaseHeld);
        Assert.True((await Store.CompleteAsync(taken, "survivor", InboxEventState.Applied, null, None)).LeaseHeld);
    }

    [Fact]
    public async Task A_retry_waits_for_its_next_attempt_time_and_keeps_the_reason()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2));
        var leased = Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));

        await Store.RetryLaterAsync(leased, "one", Time.GetUtcNow().AddSeconds(10), "429 from Dataverse", None);

        Assert.Empty(await Store.ClaimAsync("one", 10, Lease, None));
        Assert.Equal(Time.GetUtcNow().AddSeconds(10), await Store.GetNextDueTimeAsync("one", None));
        Time.Advance(TimeSpan.FromSeconds(10));
        var again = Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));
        Assert.Equal(leased.EventId, again.EventId);
        Assert.Equal("429 from Dataverse", again.LastError);
        Assert.Equal(2, again.Attempts);
    }

    [Fact]
    public async Task A_failed_event_blocks_only_its_own_record_until_retried()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2), TestEvents.Customer("A", 3), TestEvents.Customer("B", 1));
        var claimed = await Store.ClaimAsync("one", 10, Lease, None);
        var a1 = claimed.Single(e => e.RecordKey == TestEvents.CustomerKey("A"));
        var b1 = claimed.Single(e => e.RecordKey == TestEvents.CustomerKey("B"));

        await Store.FailAsync(a1, "one", "CustomerGroupId '99' does not exist in Dataverse", None);
        await Store.CompleteAsync(b1, "one", InboxEventState.Applied, null, None);
        await ReceiveAsync(TestEvents.Customer("B", 2));

        var next = Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));
        Assert.Equal("B:2", Describe(next));
        var entry = Assert.Single(await Store.GetErrorQueueAsync(10, None));
        Assert.Equal(a1.EventId, entry.Event.EventId);
        Assert.Equal("CustomerGroupId '99' does not exist in Dataverse", entry.Event.LastError);
        Assert.Equal(2, entry.BlockedEvents);
        Assert.Null(await Store.GetNextDueTimeAsync("one", None));

        Assert.True(await Store.RetryFailedAsync(a1.EventId, None));
        Assert.False(await Store.RetryFailedAsync(a1.EventId, None));
        var retried = Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));
        Assert.Equal(a1.EventId, retried.EventId);
        Assert.Equal(1, retried.Attempts);
    }

    [Fact]
    public async Task Discarding_a_failed_event_lets_the_record_proceed_and_keeps_the_failure()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2));
        var a1 = Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));
        await Store.FailAsync(a1, "one", "mapping error", None);

        Assert.True(await Store.DiscardFailedAsync(a1.EventId, "fixed by hand", None));

        var discarded = await Store.GetEventAsync(a1.EventId, None);
        Assert.Equal(InboxEventState.Skipped, discarded!.State);
        Assert.Contains("fixed by hand", discarded.LastError, StringComparison.Ordinal);
        Assert.Contains("mapping error", discarded.LastError, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(await Store.ClaimAsync("one", 10, Lease, None)).ControlNumber);
        Assert.Empty(await Store.GetErrorQueueAsync(10, None));
    }

    [Fact]
    public async Task A_parked_event_wakes_when_the_record_it_waits_for_is_applied()
    {
        var groupKey = TestEvents.CustomerGroupKey("10");
        await ReceiveAsync(TestEvents.Customer("A", 1));
        var child = Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));
        await Store.ParkAsync(child, "one", groupKey, Time.GetUtcNow().AddHours(1), "customer group 10 missing", None);
        Assert.Empty(await Store.ClaimAsync("one", 10, Lease, None));
        Assert.Equal(InboxEventState.Parked, (await Store.GetEventAsync(child.EventId, None))!.State);

        await ReceiveAsync(TestEvents.CustomerGroup("10", 5));
        var parent = Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));
        var result = await Store.CompleteAsync(parent, "one", InboxEventState.Applied, null, None);

        Assert.Equal(1, result.WokenEvents);
        Assert.Equal(child.EventId, Assert.Single(await Store.ClaimAsync("one", 10, Lease, None)).EventId);
    }

    [Fact]
    public async Task A_parked_event_is_retried_at_its_fallback_time_if_nothing_arrives()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1));
        var child = Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));
        await Store.ParkAsync(child, "one", "CustomerGroups(dataAreaId='usmf',CustomerGroupId='10')", Time.GetUtcNow().AddMinutes(10), "missing", None);

        Assert.Equal(Time.GetUtcNow().AddMinutes(10), await Store.GetNextDueTimeAsync("one", None));
        Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(child.EventId, Assert.Single(await Store.ClaimAsync("one", 10, Lease, None)).EventId);
    }

    [Fact]
    public async Task Releasing_returns_leased_events_due_now_without_counting_the_attempt()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("B", 1), TestEvents.Customer("C", 1));
        var claimed = await Store.ClaimAsync("stopping", 10, Lease, None);
        Assert.Equal(3, claimed.Count);

        Assert.True(await Store.ReleaseAsync(claimed[0], "stopping", None));
        Assert.Equal(2, await Store.ReleaseAllAsync("stopping", None));

        var counts = await Store.GetStateCountsAsync(None);
        Assert.Equal(3, counts[InboxEventState.Pending]);
        Assert.Equal(0, counts[InboxEventState.Leased]);
        var again = await Store.ClaimAsync("other", 10, Lease, None);
        Assert.All(again, e => Assert.Equal(1, e.Attempts));
    }

    [Fact]
    public async Task The_next_due_time_ignores_records_held_by_this_instance_and_counts_other_leases()
    {
        Assert.Null(await Store.GetNextDueTimeAsync("one", None));
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2));
        Assert.Equal(Time.GetUtcNow(), await Store.GetNextDueTimeAsync("one", None));

        await Store.ClaimAsync("one", 10, Lease, None);

        Assert.Null(await Store.GetNextDueTimeAsync("one", None));
        Assert.Equal(Time.GetUtcNow() + Lease, await Store.GetNextDueTimeAsync("two", None));
    }

    [Fact]
    public async Task Claims_from_many_owners_at_once_never_lease_a_record_twice()
    {
        for (var i = 0; i < 40; i++)
        {
            await ReceiveAsync(TestEvents.Customer("R" + (i % 10), i));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(o => Store.ClaimAsync("owner" + o, 5, Lease, None)));

        var records = claims.SelectMany(c => c).Select(e => e.RecordKey).ToList();
        Assert.Equal(10, records.Count);
        Assert.Equal(10, records.Distinct().Count());
    }

    [Fact]
    public async Task Synced_values_are_saved_with_optimistic_versions()
    {
        var key = TestEvents.CustomerKey("A");
        Assert.Null(await Store.GetSyncedRecordAsync(key, None));

        Assert.True(await Store.SaveSyncedRecordAsync(key, "{\"name\":\"Contoso\"}", 0, None));
        Assert.False(await Store.SaveSyncedRecordAsync(key, "{\"name\":\"Other\"}", 0, None));
        var first = await Store.GetSyncedRecordAsync(key, None);
        Assert.Equal(new SyncedRecord(key, "{\"name\":\"Contoso\"}", 1, Time.GetUtcNow()), first);

        Assert.True(await Store.SaveSyncedRecordAsync(key, "{\"name\":\"Contoso Ltd\"}", 1, None));
        Assert.False(await Store.SaveSyncedRecordAsync(key, "{\"name\":\"Stale\"}", 1, None));
        Assert.Equal(2, (await Store.GetSyncedRecordAsync(key, None))!.Version);
        Assert.Equal("{\"name\":\"Contoso Ltd\"}", (await Store.GetSyncedRecordAsync(key, None))!.FieldsJson);
    }

    [Fact]
    public async Task Conflicts_are_queued_listed_and_resolved_once()
    {
        var conflict = new NewConflict(TestEvents.CustomerKey("A"), "customers", "e1", "{\"name\":\"F\"}", "{\"name\":\"D\"}", "{\"name\":\"B\"}", "name changed on both sides");
        var id = await Store.AddConflictAsync(conflict, None);
        var other = await Store.AddConflictAsync(conflict with { EventId = null, LastSyncedJson = null }, None);

        var open = await Store.GetOpenConflictsAsync(10, None);
        Assert.Equal([id, other], open.Select(c => c.Id));
        Assert.Equal(conflict, open[0].Conflict);
        Assert.Null(open[1].Conflict.EventId);

        Assert.True(await Store.ResolveConflictAsync(id, "kept F&O", None));
        Assert.False(await Store.ResolveConflictAsync(id, "again", None));
        Assert.Equal(other, Assert.Single(await Store.GetOpenConflictsAsync(10, None)).Id);
    }

    [Fact]
    public async Task Resuming_a_map_clears_its_pause_and_wakes_the_events_parked_on_it()
    {
        await Store.PauseMapAsync("customers", "maintenance", None);
        await Store.PauseMapAsync("customers", "twice", None);
        Assert.Equal("customers", Assert.Single(await Store.GetPausedMapsAsync(None)).MapName);
        await ReceiveAsync(TestEvents.Customer("A", 1));
        var leased = Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));
        await Store.ParkAsync(leased, "one", InboxWaitKeys.MapResumed("customers"), Time.GetUtcNow().AddHours(1), "map paused", None);

        Assert.Equal(1, await Store.ResumeMapAsync("customers", None));

        Assert.Empty(await Store.GetPausedMapsAsync(None));
        Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));
    }

    [Fact]
    public async Task Purging_deletes_only_old_completed_events()
    {
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2));
        var first = Assert.Single(await Store.ClaimAsync("one", 10, Lease, None));
        await Store.CompleteAsync(first, "one", InboxEventState.Applied, null, None);
        Time.Advance(TimeSpan.FromDays(8));

        Assert.Equal(1, await Store.PurgeCompletedAsync(Time.GetUtcNow().AddDays(-7), None));

        Assert.Equal(2, Assert.Single(await Store.GetRecordEventsAsync(TestEvents.CustomerKey("A"), None)).ControlNumber);
    }

    private static string Describe(InboxEvent e) =>
        e.RecordKey.Split('\'')[3] + ":" + e.ControlNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task ReceiveAsync(params DualWrite.Core.Events.FnOChangeEvent[] events)
    {
        foreach (var e in events)
        {
            await Store.ReceiveAsync(e, TestEvents.Json(e), None);
        }
    }

    private static DualWrite.Core.Events.FnOChangeEvent Copy(
        DualWrite.Core.Events.FnOChangeEvent e,
        DualWrite.Core.Keys.ODataKey? key = null,
        string? legalEntity = null,
        DualWrite.Core.Events.ChangeOperation? operation = null,
        long? controlNumber = null,
        DateTime? eventTime = null) =>
        new(e.EventId, controlNumber ?? e.ControlNumber, eventTime ?? e.EventTimeUtc, legalEntity ?? e.LegalEntity, e.EntitySet, operation ?? e.Operation, key ?? e.EntityKey);
}
