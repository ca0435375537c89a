using DualWrite.Core.Pausing;

namespace DualWrite.Core.Tests.Pausing;

public sealed class SaveRoutingTests
{
    [Theory]
    [InlineData(null, false, PausedSaveBehavior.Refuse, SaveRoute.WriteThrough)]
    [InlineData(MapStateNames.Running, false, PausedSaveBehavior.Refuse, SaveRoute.WriteThrough)]
    [InlineData(MapStateNames.InitialSync, false, PausedSaveBehavior.Queue, SaveRoute.WriteThrough)]
    [InlineData(MapStateNames.CatchingUp, false, PausedSaveBehavior.Queue, SaveRoute.WriteThrough)]
    [InlineData(MapStateNames.Paused, false, PausedSaveBehavior.Refuse, SaveRoute.Refuse)]
    [InlineData(MapStateNames.Paused, true, PausedSaveBehavior.Refuse, SaveRoute.Refuse)]
    [InlineData(MapStateNames.Paused, false, PausedSaveBehavior.Queue, SaveRoute.Queue)]
    [InlineData(MapStateNames.NotRunning, false, PausedSaveBehavior.Queue, SaveRoute.Skip)]
    [InlineData(MapStateNames.NotRunning, true, PausedSaveBehavior.Refuse, SaveRoute.Skip)]
    public void The_state_and_the_steps_setting_decide(string? state, bool hasQueuedChanges, PausedSaveBehavior onPaused, SaveRoute expected) =>
        Assert.Equal(expected, SaveRouting.Decide(state, hasQueuedChanges, onPaused));

    [Theory]
    [InlineData(MapStateNames.Running)]
    [InlineData(MapStateNames.CatchingUp)]
    [InlineData(MapStateNames.InitialSync)]
    public void A_live_map_with_changes_still_queued_queues_so_nothing_overtakes_them(string state)
    {
        Assert.Equal(SaveRoute.Queue, SaveRouting.Decide(state, hasQueuedChanges: true, PausedSaveBehavior.Refuse));
        Assert.Equal(SaveRoute.Queue, SaveRouting.Decide(state, hasQueuedChanges: true, PausedSaveBehavior.Queue));
    }
}
