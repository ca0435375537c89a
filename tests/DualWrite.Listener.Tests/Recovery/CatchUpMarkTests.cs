using System;
using System.IO;
using System.Threading.Tasks;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.Recovery;
using DualWrite.Listener.Tests.StateStore;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Recovery;

/// <summary>A catch-up holds a map with the initial sync's loading mark, and the map reads "catching up" meanwhile.</summary>
public sealed class CatchUpMarkTests : StateStoreContract
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task A_map_held_by_a_catch_up_reads_catching_up_holds_its_events_and_is_released_when_done()
    {
        var runId = CatchUpRun.Id("after an unclean stop of listener x, changes since 2026-11-22 07:59:00Z");

        await MapStates.StartLoadingAsync("Customers V3", runId, None);

        var state = Assert.Single(await MapStates.GetMapStatesAsync(None));
        Assert.Equal(MapRunState.CatchingUp, state.State);
        Assert.StartsWith("catching up after an unclean stop of listener x", state.Reason, StringComparison.Ordinal);
        Assert.True(state.HoldsEvents);
        Assert.Equal("Customers V3", Assert.Single(await MapStates.GetPausedMapsAsync(None)).MapName);

        await MapStates.FinishLoadingAsync("Customers V3", None);

        Assert.Empty(await MapStates.GetPausedMapsAsync(None));
        Assert.False(Assert.Single(await MapStates.GetMapStatesAsync(None)).HoldsEvents);
    }

    [Fact]
    public async Task An_initial_sync_still_reads_initial_sync()
    {
        await MapStates.StartLoadingAsync("Customers V3", "20261122T080000Z-abc123", None);

        Assert.Equal(MapRunState.InitialSync, Assert.Single(await MapStates.GetMapStatesAsync(None)).State);
    }

    protected override Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        Task.FromResult(StateStores.Sqlite(Path.Combine(directory.Path, "state.db"), timeProvider, directory));
}
