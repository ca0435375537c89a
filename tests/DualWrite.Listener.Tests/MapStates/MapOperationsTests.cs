using System;
using System.Linq;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.Tests.StateStore;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Tests.MapStates;

/// <summary>State changes through MapOperations and the monitor, over a real SQLite store and the standard maps.</summary>
public sealed class MapOperationsTests : StateStoreContract
{
    private const string Customers = "Customers V3";

    private MapStatesRig Rig(long backlogWarningEvents = 100_000) => new(Database, MapStates, Inbox, Time, backlogWarningEvents);

    [Fact]
    public async Task A_map_runs_until_paused_then_catches_up_when_resumed_and_turns_running_once_its_backlog_is_drained()
    {
        var rig = Rig();
        Assert.Equal(MapRunState.Running, (await rig.MapAsync(Customers)).State);

        var paused = await rig.Operations.PauseAsync("customers v3", "maintenance", None);
        Assert.Equal(MapRunState.Paused, paused.Map!.State);
        Assert.Equal("maintenance", paused.Map.Reason);
        Assert.Equal(Time.GetUtcNow(), paused.Map.Since);

        // Paused: events are received and stored, the applier parks them (as ChangeApplier does) and they wait in order.
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("A", 2), TestEvents.Customer("B", 1));
        foreach (var head in await Inbox.ClaimAsync("worker", 10, Lease, None))
        {
            await Inbox.ParkAsync(head, "worker", InboxWaitKeys.MapResumed(Customers), Time.GetUtcNow().AddHours(1), "paused", None);
        }

        Time.Advance(TimeSpan.FromSeconds(90));
        var waiting = await rig.MapAsync(Customers);
        Assert.Equal(3, waiting.Backlog);
        Assert.Equal(90, waiting.LagSeconds);
        Assert.Empty(await Inbox.ClaimAsync("worker", 10, Lease, None));

        var resumed = await rig.Operations.ResumeAsync(Customers, null, None);
        Assert.Equal(MapRunState.CatchingUp, resumed.Map!.State);

        // The backlog drains in ControlNumber order per record; the map stays catching up until it is empty.
        var applied = new System.Collections.Generic.List<string>();
        while (true)
        {
            await rig.Monitor.CheckAsync(None);
            var heads = await Inbox.ClaimAsync("worker", 10, Lease, None);
            if (heads.Count == 0)
            {
                break;
            }

            Assert.Equal(MapRunState.CatchingUp, (await rig.MapAsync(Customers)).State);
            foreach (var head in heads)
            {
                applied.Add(Describe(head));
                await Inbox.CompleteAsync(head, "worker", InboxEventState.Applied, null, None);
            }
        }

        Assert.Equal(["A:1", "A:2"], applied.Where(e => e.StartsWith('A')).ToArray());
        Assert.Contains("B:1", applied);
        await rig.Monitor.CheckAsync(None);
        Assert.Equal(MapRunState.Running, (await rig.MapAsync(Customers)).State);
        Assert.Equal(
            [MapRunState.Paused, MapRunState.CatchingUp, MapRunState.Running],
            rig.Told.Where(t => t.Map == Customers).Select(t => t.State).ToArray());
    }

    [Fact]
    public async Task Operations_whose_target_holds_change_nothing_and_those_the_state_forbids_are_refused_naming_the_map()
    {
        var rig = Rig();
        await rig.Operations.PauseAsync(Customers, "first", None);
        Time.Advance(TimeSpan.FromMinutes(1));
        var again = await rig.Operations.PauseAsync(Customers, "second", None);
        Assert.True(again.Succeeded);
        Assert.Equal("first", again.Map!.Reason);

        var start = await rig.Operations.StartAsync(Customers, null, None);
        Assert.Equal(MapProblemKind.InvalidTransition, start.Problem);
        Assert.Contains("'Customers V3' is paused", start.Detail);

        Assert.Equal(MapRunState.NotRunning, (await rig.Operations.StopAsync(Customers, "retired", None)).Map!.State);
        Assert.Equal(MapProblemKind.InvalidTransition, (await rig.Operations.ResumeAsync(Customers, null, None)).Problem);
        Assert.Equal(MapProblemKind.InvalidTransition, (await rig.Operations.PauseAsync(Customers, null, None)).Problem);
        Assert.Equal(MapRunState.Running, (await rig.Operations.StartAsync(Customers, null, None)).Map!.State);

        var unknown = await rig.Operations.PauseAsync("Customrs", null, None);
        Assert.Equal(MapProblemKind.UnknownMap, unknown.Problem);
        Assert.Contains("'Customrs'", unknown.Detail);
        Assert.Contains("'Customers V3'", unknown.Detail);
    }

    [Fact]
    public async Task A_stopped_map_is_listed_as_stopped_to_the_applier_and_its_parked_events_wake_to_be_dropped()
    {
        var rig = Rig();
        await rig.Operations.PauseAsync(Customers, null, None);
        await ReceiveAsync(TestEvents.Customer("A", 1));
        var head = Assert.Single(await Inbox.ClaimAsync("worker", 10, Lease, None));
        await Inbox.ParkAsync(head, "worker", InboxWaitKeys.MapResumed(Customers), Time.GetUtcNow().AddHours(1), "paused", None);

        await rig.Operations.StopAsync(Customers, "retired", None);

        Assert.True(Assert.Single(await MapStates.GetPausedMapsAsync(None)).Stopped);
        Assert.Single(await Inbox.ClaimAsync("worker", 10, Lease, None));
    }

    [Fact]
    public async Task The_monitor_tells_observers_every_map_once_at_start_and_later_only_changes_made_elsewhere()
    {
        var rig = Rig();
        await rig.Monitor.CheckAsync(None);
        Assert.Equal(rig.Catalog.Maps.Count, rig.Told.Count);
        Assert.All(rig.Told, t => Assert.Equal(MapRunState.Running, t.State));

        // Another instance (or a command on the store) pauses the map: the monitor notices it once.
        await MapStates.PauseMapAsync(Customers, "elsewhere", None);
        await rig.Monitor.CheckAsync(None);
        await rig.Monitor.CheckAsync(None);
        Assert.Equal((Customers, MapRunState.Paused), rig.Told.Last());
        Assert.Equal(rig.Catalog.Maps.Count + 1, rig.Told.Count);
    }

    [Fact]
    public async Task A_backlog_over_the_threshold_warns_once_per_crossing()
    {
        var rig = Rig(backlogWarningEvents: 2);
        await rig.Operations.PauseAsync(Customers, null, None);
        await ReceiveAsync(TestEvents.Customer("A", 1), TestEvents.Customer("B", 1));
        await rig.Monitor.CheckAsync(None);
        await ReceiveAsync(TestEvents.Customer("C", 1));
        await rig.Monitor.CheckAsync(None);
        await rig.Monitor.CheckAsync(None);

        var warning = Assert.Single(rig.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("'Customers V3' has 3 events waiting", warning.Message);
        Assert.Contains("BacklogWarningEvents", warning.Message);

        // Drained below, then over again: a second warning.
        foreach (var head in await Inbox.ClaimAsync("worker", 10, Lease, None))
        {
            await Inbox.CompleteAsync(head, "worker", InboxEventState.Applied, null, None);
        }

        await rig.Monitor.CheckAsync(None);
        await ReceiveAsync(TestEvents.Customer("D", 1), TestEvents.Customer("E", 1), TestEvents.Customer("F", 1));
        await rig.Monitor.CheckAsync(None);
        Assert.Equal(2, rig.Logs.Entries.Count(e => e.Level == LogLevel.Warning));
    }

    protected override Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) => Task.FromResult(StateStores.InTemporarySqlite(timeProvider));
}
