using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
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
}
