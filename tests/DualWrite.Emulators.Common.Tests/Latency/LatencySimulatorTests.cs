using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Latency;
using Microsoft.Extensions.Time.Testing;

namespace DualWrite.Emulators.Common.Tests.Latency;

public sealed class LatencySimulatorTests
{
    [Fact]
    public void An_off_profile_completes_at_once()
    {
        var simulator = new LatencySimulator(LatencyProfile.None, new FakeTimeProvider());

        Assert.True(simulator.DelayAsync(100, CancellationToken.None).IsCompleted);
        Assert.False(simulator.CountsRecords);
    }

    [Fact]
    public async Task The_delay_runs_on_the_emulator_clock_without_holding_a_thread()
    {
        var clock = new FakeTimeProvider();
        var simulator = new LatencySimulator(LatencyProfile.FromMilliseconds(30, 1), clock);

        var delay = simulator.DelayAsync(10, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(39));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(simulator.CountsRecords);
    }

    [Fact]
    public void The_profile_changes_while_running()
    {
        var simulator = new LatencySimulator(LatencyProfile.None, new FakeTimeProvider())
        {
            Profile = LatencyProfile.FromMilliseconds(5, 0),
        };

        Assert.Equal(TimeSpan.FromMilliseconds(5), simulator.Profile.PerRequest);
        Assert.False(simulator.CountsRecords);
    }
}
