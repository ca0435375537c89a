using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DualWrite.Listener.Hosting;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Processing;
using DualWrite.Listener.Receiving;
using DualWrite.Listener.Resilience;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Options;

public sealed class OptionsValidationTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Starting_with_bad_options_reports_every_problem_of_every_section_at_once()
    {
        await using var app = ListenerTestHost.Build(directory.Path, new Dictionary<string, string?>
        {
            ["DualWrite:Receiving:SharedSecret"] = null,
            ["DualWrite:Receiving:HmacKey"] = "",
            ["DualWrite:Receiving:Path"] = "events",
            ["DualWrite:Receiving:MaxBodyBytes"] = "0",
            ["DualWrite:Receiving:MaxEventAge"] = "00:00:00",
            ["DualWrite:Receiving:MaxClockSkew"] = "-00:00:01",
            ["DualWrite:Inbox:SqliteFileName"] = "",
            ["DualWrite:Processing:MaxDegreeOfParallelism"] = "0",
            ["DualWrite:Processing:LeaseDuration"] = "00:00:10",
            ["DualWrite:Processing:LeaseRenewalInterval"] = "00:00:20",
            ["DualWrite:Processing:IdleRecheckInterval"] = "-00:00:01",
            ["DualWrite:Processing:BatchGatherTime"] = "00:00:06",
            ["DualWrite:Resilience:BreakerFailureRatio"] = "1.5",
            ["DualWrite:Resilience:InitialConcurrency"] = "100",
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        var problems = ListenerHost.OptionsProblemsOf(error);

        var expected = new[]
        {
            "DualWrite:Receiving:SharedSecret/HmacKey must be set",
            "DualWrite:Receiving:Path must start with '/' (is 'events')",
            "DualWrite:Receiving:MaxBodyBytes must be at least 1 (is 0)",
            "DualWrite:Receiving:MaxEventAge must be a positive time span",
            "DualWrite:Receiving:MaxClockSkew must not be negative (is -00:00:01)",
            "DualWrite:Inbox:SqliteFileName must be a file name",
            "DualWrite:Processing:MaxDegreeOfParallelism must be at least 1 (is 0)",
            "DualWrite:Processing:LeaseRenewalInterval must be shorter than LeaseDuration",
            "DualWrite:Processing:IdleRecheckInterval must be a positive time span",
            "DualWrite:Processing:BatchGatherTime must be between 0 and 5 seconds",
            "DualWrite:Resilience:BreakerFailureRatio must be more than 0 and at most 1 (is 1.5)",
            "DualWrite:Resilience:InitialConcurrency must be between MinConcurrency and MaxConcurrency (is 100)",
        };
        foreach (var text in expected)
        {
            Assert.True(problems.Any(p => p.StartsWith(text, StringComparison.Ordinal)), "Missing: " + text + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        Assert.Equal(expected.Length, problems.Count);
    }

    [Fact]
    public void The_defaults_are_valid_once_a_sender_credential_is_set()
    {
        Assert.True(new ReceivingOptionsValidator().Validate(null, new ReceivingOptions { SharedSecret = "s" }).Succeeded);
        Assert.True(new InboxOptionsValidator().Validate(null, new InboxOptions()).Succeeded);
        Assert.True(new ProcessingOptionsValidator().Validate(null, new ProcessingOptions()).Succeeded);
        Assert.True(new ResilienceOptionsValidator().Validate(null, new ResilienceOptions()).Succeeded);
    }

    [Fact]
    public void A_postgres_connection_string_that_does_not_parse_is_reported_without_echoing_it()
    {
        var result = new InboxOptionsValidator().Validate(null, new InboxOptions { PostgresConnectionString = "Host=x;NoSuchKeyword=secret" });

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("DualWrite:Inbox:PostgresConnectionString is not a PostgreSQL connection string", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_spans_are_bound_from_configuration_text()
    {
        using var app = ListenerTestHost.Build(directory.Path, new Dictionary<string, string?> { ["DualWrite:Processing:LeaseDuration"] = "00:02:30" });
        var options = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<ProcessingOptions>>(app.Services).Value;

        Assert.Equal(TimeSpan.FromSeconds(150), options.LeaseDuration);
    }
}
