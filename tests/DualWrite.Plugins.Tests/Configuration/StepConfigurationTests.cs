using System;
using System.Linq;
using DualWrite.Core.Json;
using DualWrite.Core.Pausing;
using DualWrite.Plugins.Configuration;
using DualWrite.Plugins.TestSupport;

namespace DualWrite.Plugins.Tests.Configuration;

public sealed class StepConfigurationTests
{
    [Fact]
    public void A_complete_configuration_takes_the_documented_defaults()
    {
        var configuration = StepConfiguration.Parse(StepConfigurations.UnsecureWith("callTimeoutSeconds", null), StepConfigurations.Secure);

        Assert.True(configuration.IsValid, string.Join("; ", configuration.Problems));
        var settings = configuration.Settings!;
        Assert.Equal("Customers V3", settings.Map.Name);
        Assert.Equal(TimeSpan.FromSeconds(15), settings.CallTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.Budget);
        Assert.Equal("DualWrite", settings.LoopTag);
        Assert.False(settings.AllowEmulatorUrls);
        Assert.Equal(new Uri("https://contoso.operations.dynamics.com/data/"), settings.DataRoot);
        Assert.Equal("customertypecode eq 3", settings.DataverseFilter!.Text);
        var credentials = configuration.Credentials!;
        Assert.Equal(new Uri("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token"), credentials.TokenEndpoint);
        Assert.Equal("https://contoso.operations.dynamics.com/.default", credentials.Scope);
    }

    [Fact]
    public void The_fno_properties_that_do_not_accept_null_are_read_from_the_configuration_and_unknown_without_it()
    {
        var names = new JsonArray();
        names.Add(new JsonString("CreditLimit"));
        names.Add(new JsonString("OnHoldStatus"));

        var configured = StepConfiguration.Parse(StepConfigurations.UnsecureWith("finOpsNotNullable", names), StepConfigurations.Secure);
        var absent = StepConfiguration.Parse(StepConfigurations.UnsecureWith("finOpsNotNullable", null), StepConfigurations.Secure);

        Assert.True(configured.IsValid, string.Join("; ", configured.Problems));
        Assert.Equal(["CreditLimit", "OnHoldStatus"], configured.Settings!.FinOpsNotNullable);
        Assert.Null(absent.Settings!.FinOpsNotNullable);
    }

    [Fact]
    public void OnPaused_defaults_to_refuse_and_takes_queue()
    {
        var absent = StepConfiguration.Parse(StepConfigurations.UnsecureWith("onPaused", null), StepConfigurations.Secure);
        var queue = StepConfiguration.Parse(StepConfigurations.UnsecureWith("onPaused", new JsonString("queue")), StepConfigurations.Secure);

        Assert.Equal(PausedSaveBehavior.Refuse, absent.Settings!.OnPaused);
        Assert.Equal(PausedSaveBehavior.Queue, queue.Settings!.OnPaused);
    }

    [Fact]
    public void An_unknown_onPaused_value_is_reported_by_name()
    {
        var configuration = StepConfiguration.Parse(StepConfigurations.UnsecureWith("onPaused", new JsonString("hold")), StepConfigurations.Secure);

        var problem = Assert.Single(configuration.Problems);
        Assert.Equal("Setting 'onPaused' of the step's unsecure configuration must be \"refuse\" or \"queue\", not 'hold'", problem);
    }

    [Fact]
    public void A_not_nullable_setting_that_is_not_an_array_of_names_is_reported_by_name()
    {
        var configuration = StepConfiguration.Parse(StepConfigurations.UnsecureWith("finOpsNotNullable", new JsonString("CreditLimit")), StepConfigurations.Secure);

        var problem = Assert.Single(configuration.Problems);
        Assert.Equal("Setting 'finOpsNotNullable' of the step's unsecure configuration must be an array of F&O property names", problem);
    }

    [Fact]
    public void The_solutions_placeholder_URL_is_refused_with_a_message_that_says_to_replace_it()
    {
        var configuration = StepConfiguration.Parse(StepConfigurations.Unsecure(global::DualWrite.Plugins.Registration.StepConfigurationJson.FinOpsBaseUrlPlaceholder), StepConfigurations.Secure);

        var problem = Assert.Single(configuration.Problems);
        Assert.Equal("Setting 'finOpsBaseUrl' of the step's unsecure configuration still holds the placeholder 'https://<your-environment>.operations.dynamics.com/': set it to the F&O environment URL, e.g. https://contoso.operations.dynamics.com/", problem);
    }

    [Theory]
    [InlineData("https://10.1.2.3/")]
    [InlineData("https://[::1]/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("https://fno.localhost/")]
    public void An_IP_address_or_localhost_is_refused_unless_the_step_targets_an_emulator(string url)
    {
        var refused = StepConfiguration.Parse(StepConfigurations.Unsecure(url), StepConfigurations.Secure);
        var allowed = StepConfiguration.Parse(StepConfigurations.Unsecure(url, allowEmulatorUrls: true), StepConfigurations.Secure);

        Assert.Contains(refused.Problems, p => p.Contains("the Dataverse sandbox allows DNS names only", StringComparison.Ordinal));
        Assert.True(allowed.IsValid, string.Join("; ", allowed.Problems));
    }

    [Fact]
    public void Plain_http_to_a_DNS_name_is_refused()
    {
        var configuration = StepConfiguration.Parse(StepConfigurations.Unsecure("http://contoso.operations.dynamics.com/"), StepConfigurations.Secure);

        Assert.Contains(configuration.Problems, p => p.StartsWith("'finOpsBaseUrl' must use https", StringComparison.Ordinal));
    }

    [Fact]
    public void A_loopback_authority_is_refused_unless_the_step_targets_an_emulator()
    {
        const string secure = "{\"tenantId\":\"t\",\"clientId\":\"c\",\"clientSecret\":\"s\",\"authority\":\"http://127.0.0.1:5100/\"}";

        var configuration = StepConfiguration.Parse(StepConfigurations.Unsecure(), secure);

        Assert.Contains(configuration.Problems, p => p.StartsWith("'authority' is 'http://127.0.0.1:5100/'", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_named_by_its_setting()
    {
        var unsecure = "{\"finOpsBaseUrl\":\"not a url\",\"callTimeoutSeconds\":0,\"budgetSeconds\":\"60\",\"loopTagg\":\"x\"}";

        var configuration = StepConfiguration.Parse(unsecure, "{\"tenantId\":\"t\"}");

        Assert.Equal(
            [
                "Setting 'map' of the step's unsecure configuration is required: the table map (a map file's JSON object) this step writes through",
                "Setting 'finOpsBaseUrl' of the step's unsecure configuration must be an absolute URL, not 'not a url'",
                "Setting 'callTimeoutSeconds' of the step's unsecure configuration must be between 1 and 100 seconds, not 0",
                "Setting 'budgetSeconds' of the step's unsecure configuration must be a number of seconds",
                "Setting 'loopTagg' of the step's unsecure configuration is not a known setting",
                "Setting 'clientId' of the step's secure configuration is required",
                "Setting 'clientSecret' of the step's secure configuration is required",
            ],
            configuration.Problems);
        Assert.Null(configuration.Settings);
    }

    [Fact]
    public void An_empty_secure_configuration_is_named()
    {
        var configuration = StepConfiguration.Parse(StepConfigurations.Unsecure(), null);

        Assert.Equal(["The step's secure configuration is empty; it must be a JSON object (see Plugins/DualWrite.Plugins/README.md)"], configuration.Problems);
    }

    [Fact]
    public void A_broken_map_is_reported_with_its_path()
    {
        var map = StepConfigurations.CustomersMap;
        map.Set("direction", new JsonString("Sideways"));

        var configuration = StepConfiguration.Parse(StepConfigurations.UnsecureWith("map", map), StepConfigurations.Secure);

        var problem = Assert.Single(configuration.Problems);
        Assert.StartsWith("Setting 'map' of the step's unsecure configuration is not a valid map: direction: ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_timeout_longer_than_the_budget_is_refused()
    {
        var unsecure = StepConfigurations.UnsecureWith("callTimeoutSeconds", JsonNumber.FromInt64(30));
        unsecure = unsecure.Replace("\"budgetSeconds\":60", "\"budgetSeconds\":20", StringComparison.Ordinal);

        var configuration = StepConfiguration.Parse(unsecure, StepConfigurations.Secure);

        Assert.Equal(["Setting 'callTimeoutSeconds' of the step's unsecure configuration (30 s) must not exceed 'budgetSeconds' (20 s)"], configuration.Problems.ToArray());
    }
}
