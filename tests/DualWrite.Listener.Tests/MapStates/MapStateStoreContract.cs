using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.Tests.StateStore;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.MapStates;

/// <summary>The contract every <see cref="DualWrite.Listener.MapStates.IMapStateStore"/> keeps, run against SQLite and a real PostgreSQL.</summary>
public abstract class MapStateStoreContract : StateStoreContract
{
    [Fact]
    public async Task Resuming_a_map_clears_its_pause_and_wakes_the_events_parked_on_it()
    {
        await MapStates.PauseMapAsync("customers", "maintenance", None);
        await MapStates.PauseMapAsync("customers", "twice", None);
        Assert.Equal("customers", Assert.Single(await MapStates.GetPausedMapsAsync(None)).MapName);
        await ReceiveAsync(TestEvents.Customer("A", 1));
        var leased = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));
        await Inbox.ParkAsync(leased, "one", InboxWaitKeys.MapResumed("customers"), Time.GetUtcNow().AddHours(1), "map paused", None);

        Assert.Equal(1, await MapStates.ResumeMapAsync("customers", None));

        Assert.Empty(await MapStates.GetPausedMapsAsync(None));
        Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));
    }

    [Fact]
    public async Task A_loading_map_counts_as_paused_until_its_load_finishes_and_then_wakes_its_events()
    {
        await MapStates.StartLoadingAsync("customers", "run-1", None);
        await MapStates.StartLoadingAsync("customers", "run-2", None);
        var loading = Assert.Single(await MapStates.GetPausedMapsAsync(None));
        Assert.Equal("customers", loading.MapName);
        Assert.Contains("run-2", loading.Reason);
        await ReceiveAsync(TestEvents.Customer("A", 1));
        var leased = Assert.Single(await Inbox.ClaimAsync("one", 10, Lease, None));
        await Inbox.ParkAsync(leased, "one", InboxWaitKeys.MapResumed("customers"), Time.GetUtcNow().AddHours(1), "map loading", None);

        Assert.Equal(1, await MapStates.FinishLoadingAsync("customers", None));

        Assert.Empty(await MapStates.GetPausedMapsAsync(None));
    }

    [Fact]
    public async Task A_map_paused_and_loading_is_listed_once_with_the_pause_reason()
    {
        await MapStates.StartLoadingAsync("customers", "run-1", None);
        await MapStates.PauseMapAsync("customers", "maintenance", None);
        Assert.Equal("maintenance", Assert.Single(await MapStates.GetPausedMapsAsync(None)).Reason);

        await MapStates.ResumeMapAsync("customers", None);
        Assert.Contains("run-1", Assert.Single(await MapStates.GetPausedMapsAsync(None)).Reason);
    }

    [Fact]
    public async Task A_store_written_before_map_states_keeps_its_paused_maps_after_the_migration()
    {
        await using (var connection = await Database.OpenConnectionAsync(None))
        {
            foreach (var sql in new[]
            {
                "CREATE TABLE paused_maps (map_name TEXT NOT NULL PRIMARY KEY, reason TEXT NULL, paused_at BIGINT NOT NULL)",
                "INSERT INTO paused_maps (map_name, reason, paused_at) VALUES ('customers', 'old pause', 1000)",
            })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync(None);
            }
        }

        await Database.InitializeAsync(None);
        await Database.InitializeAsync(None);

        var state = Assert.Single(await MapStates.GetMapStatesAsync(None));
        Assert.Equal(("customers", MapRunState.Paused, "old pause", 1000L), (state.MapName, state.State, state.Reason, state.Since.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public async Task A_conditional_change_happens_only_from_the_expected_state_and_no_row_counts_as_running()
    {
        Assert.True(await MapStates.ChangeMapStateAsync("customers", MapRunState.Running, MapRunState.Paused, "r", None));
        Assert.False(await MapStates.ChangeMapStateAsync("customers", MapRunState.CatchingUp, MapRunState.Running, null, None));
        Assert.False(await MapStates.ChangeMapStateAsync("customers", MapRunState.Running, MapRunState.Paused, "again", None));
        Assert.Equal("r", Assert.Single(await MapStates.GetMapStatesAsync(None)).Reason);

        await MapStates.SetMapStateAsync("customers", MapRunState.NotRunning, "off", None);
        Assert.True(Assert.Single(await MapStates.GetPausedMapsAsync(None)).Stopped);
    }

    [Fact]
    public async Task A_finished_load_leaves_a_map_catching_up_unless_it_was_paused_meanwhile()
    {
        await MapStates.StartLoadingAsync("customers", "run-1", None);
        await MapStates.StartLoadingAsync("vendors", "run-1", None);
        Assert.All(await MapStates.GetMapStatesAsync(None), s => Assert.Equal(MapRunState.InitialSync, s.State));
        await MapStates.PauseMapAsync("vendors", "hold", None);

        await MapStates.FinishLoadingAsync("customers", None);
        await MapStates.FinishLoadingAsync("vendors", None);

        var states = (await MapStates.GetMapStatesAsync(None)).ToDictionary(s => s.MapName, s => s.State);
        Assert.Equal(MapRunState.CatchingUp, states["customers"]);
        Assert.Equal(MapRunState.Paused, states["vendors"]);
    }
}
