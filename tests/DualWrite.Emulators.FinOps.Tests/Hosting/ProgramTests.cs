using System.Threading.Tasks;
using DualWrite.Emulators.Common.CommandLine;

namespace DualWrite.Emulators.FinOps.Tests.Hosting;

public sealed class ProgramTests
{
    [Fact]
    public async Task The_command_line_starts_seeds_and_with_exit_after_load_stops_cleanly()
    {
        var exitCode = await Program.Main(new[] { "--port", "0", "--seed", "small", "--customers", "30", "--random-seed", "5", "--exit-after-load" });

        Assert.Equal(0, exitCode);
    }

    [Theory]
    [InlineData("--seed", "huge")]
    [InlineData("--port", "abc")]
    [InlineData("--port", "70000")]
    [InlineData("--colour", "red")]
    [InlineData("--client", "no-secret")]
    public async Task Bad_command_line_options_exit_with_2(string option, string value)
    {
        Assert.Equal(2, await Program.Main(new[] { option, value }));
    }

    [Fact]
    public void The_shared_options_become_emulator_options()
    {
        var shared = new EmulatorCommandLineOptions(Program.DefaultPort);
        var command = shared.CreateRootCommand("test");
        var (options, problems) = Program.OptionsOf(shared, command.Parse(["--seed", "small", "--customers", "30", "--random-seed", "5", "--client", "de-app:de-secret", "--quiet"]));

        Assert.Empty(problems);
        Assert.Equal(Program.DefaultPort, options.Port);
        Assert.Equal(30, options.Seed.Customers);
        Assert.Equal(5, options.Seed.RandomSeed);
        Assert.Contains(options.Clients, c => c.ClientId == "de-app" && c.ClientSecret == "de-secret");
        Assert.False(options.LogToConsole);
    }

    [Fact]
    public async Task Help_exits_0()
    {
        Assert.Equal(0, await Program.Main(new[] { "--help" }));
    }
}
