using System.Threading.Tasks;

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
    public async Task Bad_command_line_options_exit_with_2(string option, string value)
    {
        Assert.Equal(2, await Program.Main(new[] { option, value }));
    }
}
