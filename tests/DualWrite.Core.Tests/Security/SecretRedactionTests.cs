using System;
using DualWrite.Core.Security;
using Xunit;

namespace DualWrite.Core.Tests.Security;

public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("https://user:pass@host.example/path?code=KEY&x=1", "https://***@host.example/path?code=***&x=***")]
    [InlineData("http://127.0.0.1:5080/events", "http://127.0.0.1:5080/events")]
    [InlineData("https://host.example/f?KEYONLY", "https://host.example/f?***")]
    [InlineData("/relative?token=abc", "/relative?***")]
    public void Urls_lose_user_info_and_query_values(string url, string expected)
    {
        Assert.Equal(expected, SecretRedaction.RedactUrl(url));
    }

    [Theory]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXXX", "https://hooks.slack.com/***")]
    [InlineData("http://127.0.0.1:9000/", "http://127.0.0.1:9000/")]
    public void Origin_keeps_only_scheme_host_and_port(string url, string expected)
    {
        Assert.Equal(expected, SecretRedaction.Origin(new Uri(url)));
    }

    [Fact]
    public void Known_secrets_are_masked_wherever_they_appear_also_url_encoded()
    {
        var text = "secret s3cr3t/+= in a message, and s3cr3t%2F%2B%3D in a URL, and s3cr3t/+= again";

        var redacted = SecretRedaction.Redact(text, ["s3cr3t/+=", null, "ab"]);

        Assert.Equal("secret *** in a message, and *** in a URL, and *** again", redacted);
    }

    [Fact]
    public void Very_short_values_are_not_searched()
    {
        Assert.Equal("a b c", SecretRedaction.Redact("a b c", ["a", "b"]));
    }
}
