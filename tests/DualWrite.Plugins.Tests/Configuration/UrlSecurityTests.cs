using System;
using DualWrite.Plugins.Configuration;
using DualWrite.Plugins.TestSupport;
using Xunit;

namespace DualWrite.Plugins.Tests.Configuration;

/// <summary>The F&amp;O URL outside emulator mode: HTTPS to a DNS name, no credentials in it, none echoed in a problem.</summary>
public sealed class UrlSecurityTests
{
    [Theory]
    [InlineData("http://contoso.operations.dynamics.com/", "must use https")]
    [InlineData("https://10.1.2.3/", "allows DNS names only")]
    [InlineData("https://127.0.0.1/", "allows DNS names only")]
    [InlineData("https://localhost/", "allows DNS names only")]
    [InlineData("ftp://contoso.operations.dynamics.com/", "must be an http(s) URL")]
    public void Outside_emulator_mode_the_FinOps_url_must_be_https_to_a_dns_name(string url, string problem)
    {
        var configuration = StepConfiguration.Parse(StepConfigurations.Unsecure(url), StepConfigurations.Secure);

        Assert.False(configuration.IsValid);
        Assert.Contains(configuration.Problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void An_https_dns_name_is_accepted()
    {
        var configuration = StepConfiguration.Parse(StepConfigurations.Unsecure("https://contoso.operations.dynamics.com/"), StepConfigurations.Secure);

        Assert.True(configuration.IsValid, string.Join("; ", configuration.Problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_url_carrying_a_password_is_refused_and_the_password_is_not_shown(bool allowEmulatorUrls)
    {
        const string password = "Pa55-in-the-url";
        var url = "https://user:" + password + "@contoso.operations.dynamics.com/";

        var configuration = StepConfiguration.Parse(StepConfigurations.Unsecure(url, allowEmulatorUrls), StepConfigurations.Secure);

        var problem = Assert.Single(configuration.Problems, p => p.Contains("must not carry a user name or password", StringComparison.Ordinal));
        Assert.DoesNotContain(password, problem, StringComparison.Ordinal);
        Assert.DoesNotContain(password, string.Join("\n", configuration.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_url_is_shown_without_its_query_values()
    {
        var problem = EndpointPolicy.Check("finOpsBaseUrl", new Uri("http://contoso.operations.dynamics.com/?code=KEY-123"), allowEmulatorUrls: false);

        Assert.NotNull(problem);
        Assert.DoesNotContain("KEY-123", problem, StringComparison.Ordinal);
        Assert.Contains("code=***", problem, StringComparison.Ordinal);
    }
}
