using System;
using System.Linq;
using System.Threading.Tasks;
using DualWrite.Listener.Recovery;
using DualWrite.Listener.Tests.StateStore;

namespace DualWrite.Listener.Tests.Recovery;

/// <summary>How a listener's running marker tells a clean stop from an unclean one, run against SQLite and a real PostgreSQL.</summary>
public abstract class ListenerRunStoreContract : StateStoreContract
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    private ListenerRunStore Runs => new(Database);

    [Fact]
    public async Task A_first_start_finds_no_earlier_marker_and_a_clean_stop_leaves_none()
    {
        Assert.Null(await Runs.StartAsync("a", None));
        Assert.Single(await Runs.ListAsync(None));

        await Runs.StopAsync("a", None);

        Assert.Empty(await Runs.ListAsync(None));
        Assert.Null(await Runs.StartAsync("a", None));
    }

    [Fact]
    public async Task A_restart_under_the_same_name_after_an_unclean_stop_finds_the_marker_with_its_last_heartbeat()
    {
        await Runs.StartAsync("a", None);
        Time.Advance(TimeSpan.FromSeconds(5));
        await Runs.HeartbeatAsync("a", None);
        var lastBeat = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMinutes(2)); // Killed: no stop, no more heartbeats.

        var earlier = await Runs.StartAsync("a", None);

        Assert.NotNull(earlier);
        Assert.Equal(lastBeat, earlier.HeartbeatAt);
        Assert.Equal(Time.GetUtcNow(), Assert.Single(await Runs.ListAsync(None)).HeartbeatAt);
    }

    [Fact]
    public async Task A_marker_is_adopted_only_once_stale_only_by_another_instance_and_only_by_one()
    {
        await Runs.StartAsync("dead", None);
        var lastBeat = Time.GetUtcNow();
        await Runs.StartAsync("alive-1", None);
        await Runs.StartAsync("alive-2", None);

        Time.Advance(StaleAfter - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Runs.AdoptStaleAsync("alive-1", Time.GetUtcNow() - StaleAfter, None));
        Time.Advance(TimeSpan.FromMilliseconds(2));
        await Runs.HeartbeatAsync("alive-1", None);
        await Runs.HeartbeatAsync("alive-2", None);

        // Both live instances look at once; the dead one's marker goes to exactly one of them.
        var staleBefore = Time.GetUtcNow() - StaleAfter;
        var adopted = await Task.WhenAll(Runs.AdoptStaleAsync("alive-1", staleBefore, None), Runs.AdoptStaleAsync("alive-2", staleBefore, None));

        var run = Assert.Single(adopted.SelectMany(a => a));
        Assert.Equal("dead", run.Instance);
        Assert.Equal(lastBeat, run.HeartbeatAt);
        Assert.Equal(["alive-1", "alive-2"], (await Runs.ListAsync(None)).Select(r => r.Instance));
    }

    [Fact]
    public async Task An_instance_taken_for_dead_learns_it_at_its_next_heartbeat_and_is_marked_again()
    {
        await Runs.StartAsync("frozen", None);
        Time.Advance(StaleAfter * 2);
        Assert.Single(await Runs.AdoptStaleAsync("other", Time.GetUtcNow() - StaleAfter, None));

        Assert.False(await Runs.HeartbeatAsync("frozen", None));
        Assert.True(await Runs.HeartbeatAsync("frozen", None));
        Assert.Equal("frozen", Assert.Single(await Runs.ListAsync(None)).Instance);
    }
}
