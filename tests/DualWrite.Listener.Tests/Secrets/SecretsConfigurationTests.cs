using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.Secrets;
using DualWrite.Listener.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Tests.Secrets;

public sealed class SecretsConfigurationTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    [InlineData("DualWrite:FinOps:ClientSecret", true)]
    [InlineData("DualWrite:Receiving:SharedSecret", true)]
    [InlineData("DualWrite:Receiving:HmacKey", true)]
    [InlineData("DualWrite:Admin:ApiKey", true)]
    [InlineData("DualWrite:Inbox:PostgresConnectionString", true)]
    [InlineData("DualWrite:Alerts:WebhookUrl", true)]
    [InlineData("DualWrite:FinOps:ClientId", false)]
    [InlineData("DualWrite:Receiving:SharedSecretHeader", false)]
    [InlineData("DualWrite:Receiving:Urls", false)]
    public void Secret_settings_are_recognised_by_their_last_segment(string key, bool secret)
    {
        Assert.Equal(secret, SecretSettingNames.IsSecret(key));
    }

    [Fact]
    public void Secret_keys_on_a_command_line_are_found_without_their_values()
    {
        var keys = CommandLineSecrets.KeysIn(
        [
            "listen", "--DualWrite:FinOps:ClientSecret=abc", "--DualWrite:FinOps:ClientId=app", "--DualWrite:Admin:ApiKey", "k",
            "/DualWrite:Receiving:HmacKey=h", "--DualWrite:Receiving:Urls=http://127.0.0.1:5080",
        ]);

        Assert.Equal(["DualWrite:FinOps:ClientSecret", "DualWrite:Admin:ApiKey", "DualWrite:Receiving:HmacKey"], keys);
    }

    [Fact]
    public void Arguments_a_host_passes_in_process_are_not_on_the_process_command_line()
    {
        Assert.Empty(CommandLineSecrets.KeysOnProcessCommandLine(["--DualWrite:FinOps:ClientSecret=in-process-only-9f8e"]));
    }

    [Fact]
    public void Configured_secrets_include_connection_string_passwords_and_webhook_paths()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DualWrite:FinOps:ClientSecret"] = "client-secret-1",
            ["DualWrite:Inbox:PostgresConnectionString"] = "Host=db;Username=u;Password=pg-pass-2",
            ["DualWrite:Alerts:WebhookUrl"] = "https://hooks.example/T1/B2/token-3",
            ["DualWrite:FinOps:ClientId"] = "not-a-secret",
        }).Build();

        var secrets = new ConfiguredSecrets(configuration);

        Assert.Contains("client-secret-1", secrets.Values);
        Assert.Contains("pg-pass-2", secrets.Values);
        Assert.Contains("/T1/B2/token-3", secrets.Values);
        Assert.DoesNotContain("not-a-secret", secrets.Values);
        Assert.Equal("failed: *** at db with *** and *** for not-a-secret",
            secrets.Redact("failed: client-secret-1 at db with pg-pass-2 and https://hooks.example/T1/B2/token-3 for not-a-secret"));
    }

    [Fact]
    public async Task A_secrets_file_supplies_settings_and_wins_over_the_command_line()
    {
        var file = Path.Combine(directory.Path, "secrets.json");
        await File.WriteAllTextAsync(file, "{\"DualWrite\":{\"Receiving\":{\"SharedSecret\":\"from-the-file\"}}}");
        Restrict(file);

        await using var app = ListenerHost.Build(
            ["--secrets-file", file, "--DualWrite:Receiving:SharedSecret=from-the-command-line", "--DualWrite:Inbox:DataDirectory=" + directory.Path]);

        Assert.Equal("from-the-file", app.Configuration["DualWrite:Receiving:SharedSecret"]);
    }

    [Fact]
    public void A_secrets_file_can_be_named_by_setting_or_environment_variable()
    {
        var bySetting = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [SecretsFile.SettingKey] = "/a" }).Build();
        var byVariable = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [SecretsFile.EnvironmentVariable] = "/b" }).Build();

        Assert.Equal("/a", SecretsFile.PathIn(bySetting));
        Assert.Equal("/b", SecretsFile.PathIn(byVariable));
        Assert.Null(SecretsFile.PathIn(new ConfigurationBuilder().Build()));
    }

    [Fact]
    public async Task A_missing_secrets_file_or_one_others_can_read_is_a_configuration_problem()
    {
        var open = Path.Combine(directory.Path, "open.json");
        await File.WriteAllTextAsync(open, "{}");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(open, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        }

        var missing = Assert.Throws<OptionsValidationException>(() => ListenerHost.Build(["--secrets-file", Path.Combine(directory.Path, "none.json")]));
        Assert.Contains("does not exist", Assert.Single(missing.Failures), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            var readable = Assert.Throws<OptionsValidationException>(() => ListenerHost.Build(["--secrets-file", open]));
            Assert.Contains("chmod 600", Assert.Single(readable.Failures), StringComparison.Ordinal);
            Assert.Contains("mode 604", readable.Failures.Single(), StringComparison.Ordinal);
        }

        using var output = new StringWriter();
        var exit = await ListenerRun.RunAsync(["--secrets-file", Path.Combine(directory.Path, "none.json")], output, CancellationToken.None);
        Assert.Equal(ListenerRun.ConfigurationProblemExitCode, exit);
        Assert.Contains("does not exist", output.ToString(), StringComparison.Ordinal);
    }

    private static void Restrict(string file)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
