using System;
using System.Diagnostics;
using System.Net;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.CommandLine;
using DualWrite.Emulators.Common.Latency;
using DualWrite.Emulators.FinOps.Tests.Support;

namespace DualWrite.Emulators.FinOps.Tests.Latency;

public sealed class LatencyProfileTests
{
    [Fact]
    public async Task Every_data_request_waits_the_fixed_cost_of_the_profile()
    {
        await using var harness = await EmulatorHarness.StartAsync(configure: o => o.Latency = LatencyProfile.FromMilliseconds(150, 0));

        var watch = Stopwatch.StartNew();
        using var response = await harness.Http.GetAsync("Currencies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(140), "150 ms expected, took " + watch.Elapsed);
        Assert.Equal(TimeSpan.FromMilliseconds(150), harness.Control.Latency.Profile.PerRequest);
    }

    [Fact]
    public void The_latency_options_become_the_profile()
    {
        var shared = new EmulatorCommandLineOptions(Program.DefaultPort);
        var command = shared.CreateRootCommand("test");

        var (options, problems) = Program.OptionsOf(shared, command.Parse(["--latency-per-request", "30", "--latency-per-record", "1"]));

        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromMilliseconds(30), options.Latency.PerRequest);
        Assert.Equal(TimeSpan.FromMilliseconds(1), options.Latency.PerRecord);
    }
}
