using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DualWrite.Listener.Tests.Processing;

public sealed class InboxWorkerTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly RecordingApplier applier = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task Each_record_is_applied_in_control_number_order_one_event_at_a_time_while_records_run_in_parallel()
    {
        var random = new Random(20261122);
        var events = new List<FinOpsChangeEvent>();
        for (var record = 0; record < 40; record++)
        {
            var numbers = Enumerable.Range(1, 8).Select(i => (long)(i * 10) + random.Next(0, 5)).ToList();
            events.AddRange(numbers.Select(n => TestEvents.Customer("R" + record, n)));
        }

        // Stored in shuffled order before the worker runs, so the order it applies is its own doing.
        using (var store = StateStores.Sqlite(Path.Combine(directory.Path, "inbox.db"), TimeProvider.System))
        {
            await store.Database.InitializeAsync(default);
            foreach (var e in events.OrderBy(_ => random.Next()))
            {
                await store.Inbox.ReceiveAsync(e, TestEvents.Json(e), default);
            }
        }

        await using var host = await StartAsync();
        await Eventually.TrueAsync(() => applier.TotalApplied == events.Count, "all events applied");

        Assert.Equal(0, applier.Overlaps);
        Assert.True(applier.MaxConcurrentRecords > 1, "records should run in parallel");
        Assert.True(applier.MaxConcurrentRecords <= 8, "at most MaxDegreeOfParallelism records at once");
        Assert.All(applier.AppliedCountByEvent.Values, n => Assert.Equal(1, n));
        foreach (var record in events.GroupBy(e => e.ContextRecordSubject))
        {
            Assert.Equal(record.Select(e => e.ControlNumber).Order(), applier.AppliedOrder(record.Key));
        }
    }

    [Fact]
    public async Task A_new_event_wakes_an_idle_worker_at_once_rather_than_at_the_next_poll()
    {
        await using var host = await StartAsync(new() { ["DualWrite:Processing:IdleRecheckInterval"] = "00:00:30" });
        await Task.Delay(300); // Let the worker fall asleep.

        var clock = Stopwatch.StartNew();
        using var response = await host.PostAsync(TestEvents.Customer("A", 1));
        await Eventually.TrueAsync(() => applier.TotalApplied == 1, "the event applied", TimeSpan.FromSeconds(5));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Work_leased_by_an_instance_that_crashed_is_taken_over_when_the_lease_expires()
    {
        var e = TestEvents.Customer("A", 1);
        using (var crashed = StateStores.Sqlite(Path.Combine(directory.Path, "inbox.db"), TimeProvider.System))
        {
            await crashed.Database.InitializeAsync(default);
            await crashed.Inbox.ReceiveAsync(e, TestEvents.Json(e), default);
            Assert.Single(await crashed.Inbox.ClaimAsync("crashed-instance", 10, TimeSpan.FromSeconds(1), default));

            // The crashed instance never records an outcome and never releases.
        }

        await using var host = await StartAsync();
        await Task.Delay(300);
        Assert.Equal(0, applier.TotalApplied);

        await Eventually.TrueAsync(() => applier.TotalApplied == 1, "the orphaned event taken over", TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(async () => (await host.Store.GetEventAsync(e.EventId, default))!.State == InboxEventState.Applied, "applied recorded");
        var done = await host.Store.GetEventAsync(e.EventId, default);
        Assert.Equal(2, done!.Attempts);
    }

    [Fact]
    public async Task A_permanent_failure_holds_back_only_that_records_later_events_until_retried()
    {
        var failOnce = true;
        applier.Decide = (e, _) => Task.FromResult(
            e.RecordKey == TestEvents.CustomerKey("A") && e.ControlNumber == 2 && failOnce
                ? ApplyOutcome.Failed("CustomerGroupId '99' is not in the value map of map customers")
                : ApplyOutcome.Applied);
        await using var host = await StartAsync();

        foreach (var e in new[] { TestEvents.Customer("A", 1), TestEvents.Customer("A", 2), TestEvents.Customer("A", 3), TestEvents.Customer("B", 1), TestEvents.Customer("B", 2) })
        {
            using var response = await host.PostAsync(e);
        }

        await Eventually.TrueAsync(() => applier.AppliedOrder(TestEvents.CustomerKey("B")).Count == 2, "record B applied");
        await Eventually.TrueAsync(async () => (await host.ErrorQueue.GetErrorQueueAsync(10, default)).Count == 1, "A:2 in the error queue");
        await Task.Delay(300);
        Assert.Equal([1L], applier.AppliedOrder(TestEvents.CustomerKey("A")));
        var entry = Assert.Single(await host.ErrorQueue.GetErrorQueueAsync(10, default));
        Assert.Equal("CustomerGroupId '99' is not in the value map of map customers", entry.Event.LastError);
        Assert.Equal(1, entry.BlockedEvents);

        failOnce = false;
        Assert.True(await host.ErrorQueue.RetryFailedAsync(entry.Event.EventId, default));
        await Eventually.TrueAsync(() => applier.AppliedOrder(TestEvents.CustomerKey("A")).Count == 3, "record A resumed");
        Assert.Equal([1L, 2L, 3L], applier.AppliedOrder(TestEvents.CustomerKey("A")));
    }

    [Fact]
    public async Task An_event_parked_until_its_parent_arrives_is_applied_as_soon_as_the_parent_is()
    {
        var groupKey = TestEvents.CustomerGroupKey("10");
        applier.Decide = (e, _) => Task.FromResult(
            e.EntitySet == "CustomersV3" && applier.AppliedOrder(groupKey).Count == 0
                ? ApplyOutcome.WhenRecordArrives(groupKey, "customer group 10 is not in Dataverse yet")
                : ApplyOutcome.Applied);
        await using var host = await StartAsync();
        var child = TestEvents.Customer("A", 1);

        using (await host.PostAsync(child))
        {
        }

        await Eventually.TrueAsync(async () => (await host.Store.GetEventAsync(child.EventId, default))!.State == InboxEventState.Parked, "the child parked");
        Assert.Equal(groupKey, (await host.Store.GetEventAsync(child.EventId, default))!.WaitingFor);

        var clock = Stopwatch.StartNew();
        using (await host.PostAsync(TestEvents.CustomerGroup("10", 5)))
        {
        }

        await Eventually.TrueAsync(() => applier.AppliedOrder(child.ContextRecordSubject).Count == 1, "the child applied after its parent", TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "woken by the parent, not by the one-minute fallback");
    }

    [Fact]
    public async Task Transient_outcomes_and_exceptions_are_retried_with_backoff_and_the_worker_keeps_going()
    {
        var calls = 0;
        applier.Decide = (e, _) => Interlocked.Increment(ref calls) switch
        {
            1 => Task.FromResult(ApplyOutcome.RetryLater("429 from Dataverse")),
            2 => throw new InvalidOperationException("applier bug"),
            _ => Task.FromResult(ApplyOutcome.Applied),
        };
        await using var host = await StartAsync();
        var e = TestEvents.Customer("A", 1);

        using (await host.PostAsync(e))
        {
        }

        await Eventually.TrueAsync(async () => (await host.Store.GetEventAsync(e.EventId, default))!.State == InboxEventState.Applied, "applied at the third attempt");
        Assert.Equal(3, (await host.Store.GetEventAsync(e.EventId, default))!.Attempts);

        using (await host.PostAsync(TestEvents.Customer("B", 1)))
        {
        }

        await Eventually.TrueAsync(() => applier.AppliedOrder(TestEvents.CustomerKey("B")).Count == 1, "the worker still works");
    }

    [Fact]
    public async Task An_event_that_keeps_asking_to_retry_goes_to_the_error_queue_after_max_attempts()
    {
        applier.Decide = (_, _) => Task.FromResult(ApplyOutcome.RetryLater("Dataverse is down"));
        await using var host = await StartAsync(new() { ["DualWrite:Processing:MaxAttempts"] = "3" });
        var e = TestEvents.Customer("A", 1);

        using (await host.PostAsync(e))
        {
        }

        await Eventually.TrueAsync(async () => (await host.Store.GetEventAsync(e.EventId, default))!.State == InboxEventState.Failed, "failed after 3 attempts");
        var failed = await host.Store.GetEventAsync(e.EventId, default);
        Assert.Equal(3, failed!.Attempts);
        Assert.Equal("Gave up after 3 attempts; last: Dataverse is down", failed.LastError);
    }

    [Fact]
    public async Task A_graceful_shutdown_cancels_running_applies_and_returns_their_events_to_the_inbox()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        applier.Decide = async (_, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return ApplyOutcome.Applied;
        };
        var host = await StartAsync();
        var e = TestEvents.Customer("A", 1);
        using (await host.PostAsync(e))
        {
        }

        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(InboxEventState.Leased, (await host.Store.GetEventAsync(e.EventId, default))!.State);
        var store = host.Store;

        await host.StopAsync();

        var returned = await store.GetEventAsync(e.EventId, default);
        Assert.Equal(InboxEventState.Pending, returned!.State);
        Assert.Null(returned.LeaseOwner);
        Assert.Equal(0, returned.Attempts);
        await host.DisposeAsync();
    }

    private Task<ListenerTestHost> StartAsync(Dictionary<string, string?>? settings = null) =>
        ListenerTestHost.StartAsync(directory.Path, settings, services => services.AddSingleton<IChangeApplier>(applier));
}
