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
}
