using DualWrite.Emulators.Dataverse.Hosting;

namespace DualWrite.Emulators.Dataverse.Tests.Hosting;

public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void The_documented_command_line_becomes_options()
    {
        var (options, problems) = EmulatorCommandLine.Parse(
        [
            "--port", "5200", "--seed", "accounts:1000", "--solution", "solution", "--plugins", "p.dll",
            "--step-setting", "fnoBaseUrl=http://127.0.0.1:5300/", "--step-setting", "allowEmulatorUrls=true",
            "--secure-config", "{\"tenantId\":\"t\"}", "--client", "app:secret", "--service-protection", "--no-auth",
        ]);

        Assert.Empty(problems);
        Assert.Equal(5200, options.Port);
        Assert.Equal(1000, options.Seed.Accounts);
        Assert.Equal("solution", options.SolutionFolder);
        Assert.Equal(["p.dll"], options.Steps.PluginAssemblies);
        Assert.Equal("http://127.0.0.1:5300/", options.Steps.UnsecureSettings["fnoBaseUrl"]!.GetValue<string>());
        Assert.True(options.Steps.UnsecureSettings["allowEmulatorUrls"]!.GetValue<bool>());
        Assert.Equal("{\"tenantId\":\"t\"}", options.Steps.SecureConfigurations["*"]);
        Assert.Equal("app", Assert.Single(options.Clients).ClientId);
        Assert.True(options.ServiceProtection.Enabled);
        Assert.False(options.RequireAuthentication);
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
}
