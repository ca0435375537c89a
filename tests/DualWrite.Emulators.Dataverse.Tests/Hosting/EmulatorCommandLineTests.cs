using System.CommandLine;
using System.IO;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Hosting;

namespace DualWrite.Emulators.Dataverse.Tests.Hosting;

public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void The_documented_command_line_becomes_options()
    {
        var (options, problems) = EmulatorCommandLine.Parse(
        [
            "--port", "5200", "--seed", "small", "--customers", "1000", "--random-seed", "7", "--solution", "solution", "--plugins", "p.dll",
            "--step-setting", "finOpsBaseUrl=http://127.0.0.1:5300/", "--step-setting", "allowEmulatorUrls=true",
            "--secure-config", "{\"tenantId\":\"t\"}", "--client", "app:secret", "--service-protection", "--no-auth",
        ]);

        Assert.Empty(problems);
        Assert.Equal(5200, options.Port);
        Assert.Equal(1000, options.Seed.Accounts);
        Assert.Equal(7, options.Seed.RandomSeed);
        Assert.Equal("solution", options.SolutionFolder);
        Assert.Equal(["p.dll"], options.Steps.PluginAssemblies);
        Assert.Equal("http://127.0.0.1:5300/", options.Steps.UnsecureSettings["finOpsBaseUrl"]!.GetValue<string>());
        Assert.True(options.Steps.UnsecureSettings["allowEmulatorUrls"]!.GetValue<bool>());
        Assert.Equal("{\"tenantId\":\"t\"}", options.Steps.SecureConfigurations["*"]);
        Assert.Equal("app", Assert.Single(options.Clients).ClientId);
        Assert.True(options.ServiceProtection.Enabled);
        Assert.False(options.RequireAuthentication);
    }

    [Fact]
    public void Service_protection_has_the_service_defaults_and_each_limit_can_be_overridden()
    {
        var (defaults, none) = EmulatorCommandLine.Parse(["--service-protection"]);
        var (options, problems) = EmulatorCommandLine.Parse(
            ["--service-protection", "--max-requests", "100", "--max-execution-seconds", "60", "--max-concurrent", "4", "--window-seconds", "30"]);

        Assert.Empty(none);
        Assert.Equal(6000, defaults.ServiceProtection.MaxRequests);
        Assert.Equal(System.TimeSpan.FromSeconds(1200), defaults.ServiceProtection.MaxExecutionTime);
        Assert.Equal(52, defaults.ServiceProtection.MaxConcurrentRequests);
        Assert.Equal(System.TimeSpan.FromMinutes(5), defaults.ServiceProtection.Window);
        Assert.Empty(problems);
        Assert.True(options.ServiceProtection.Enabled);
        Assert.Equal(100, options.ServiceProtection.MaxRequests);
        Assert.Equal(System.TimeSpan.FromSeconds(60), options.ServiceProtection.MaxExecutionTime);
        Assert.Equal(4, options.ServiceProtection.MaxConcurrentRequests);
        Assert.Equal(System.TimeSpan.FromSeconds(30), options.ServiceProtection.Window);
    }

    [Fact]
    public void Limits_without_service_protection_and_non_positive_limits_are_problems()
    {
        var (off, withoutSwitch) = EmulatorCommandLine.Parse(["--max-requests", "100"]);
        var (_, zero) = EmulatorCommandLine.Parse(["--service-protection", "--max-concurrent", "0"]);

        Assert.False(off.ServiceProtection.Enabled);
        Assert.Contains(withoutSwitch, p => p.Contains("need --service-protection", System.StringComparison.Ordinal));
        Assert.Contains(zero, p => p.Contains("must be positive", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_latency_profile_is_off_unless_given_in_milliseconds()
    {
        var (off, _) = EmulatorCommandLine.Parse([]);
        var (options, problems) = EmulatorCommandLine.Parse(["--latency-per-request", "30", "--latency-per-record", "1.5"]);
        var (_, negative) = EmulatorCommandLine.Parse(["--latency-per-record", "-1"]);

        Assert.False(off.Latency.IsEnabled);
        Assert.Empty(problems);
        Assert.Equal(System.TimeSpan.FromMilliseconds(30), options.Latency.PerRequest);
        Assert.Equal(System.TimeSpan.FromMilliseconds(1.5), options.Latency.PerRecord);
        Assert.Contains(negative, p => p.Contains("--latency-per-record", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (_, problems) = EmulatorCommandLine.Parse(["--port", "x", "--seed", "huge", "--solution", "solution", "--bogus"]);

        Assert.Contains(problems, p => p.Contains("--port", System.StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("--seed", System.StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("--bogus", System.StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("plug-in assembly", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Seed_none_and_quiet_give_an_empty_silent_emulator_on_the_default_port()
    {
        var (options, problems) = EmulatorCommandLine.Parse(["--seed", "none", "--quiet"]);

        Assert.Empty(problems);
        Assert.Equal(EmulatorCommandLine.DefaultPort, options.Port);
        Assert.Equal(0, options.Seed.Accounts);
        Assert.False(options.LogToConsole);
    }

    [Fact]
    public async Task Help_lists_the_options_both_emulators_share_and_exits_0()
    {
        var output = new StringWriter();
        var commandLine = new EmulatorCommandLine();

        var exitCode = await commandLine.Command.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = output });

        Assert.Equal(0, exitCode);
        foreach (var option in new[] { "--port", "--seed", "--customers", "--random-seed", "--client", "--quiet", "--solution", "--no-auth", "--service-protection", "--max-requests", "--latency-per-request", "--latency-per-record" })
        {
            Assert.Contains(option, output.ToString(), System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_options_exit_with_2()
    {
        Assert.Equal(2, await Program.Main(["--client", "no-secret"]));
        Assert.Equal(2, await Program.Main(["--colour", "red"]));
    }
}
