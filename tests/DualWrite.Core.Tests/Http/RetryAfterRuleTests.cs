using System;
using System.Net.Http;
using System.Net.Http.Headers;
using DualWrite.Core.Http;

namespace DualWrite.Core.Tests.Http;

public class RetryAfterRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Delta_seconds_are_the_wait()
    {
        var headers = Headers(h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfterRule.Wait(headers, Now));
    }

    [Fact]
    public void Fractional_seconds_the_typed_header_rejects_are_still_read()
    {
        var headers = Headers(h => h.TryAddWithoutValidation("Retry-After", "1.5"));

        Assert.Equal(TimeSpan.FromSeconds(1.5), RetryAfterRule.Wait(headers, Now));
    }

    [Fact]
    public void An_HTTP_date_is_measured_against_the_responses_Date_header_not_the_callers_clock()
    {
        var sent = Now.AddHours(-1);
        var headers = Headers(h =>
        {
            h.Date = sent;
            h.RetryAfter = new RetryConditionHeaderValue(sent.AddSeconds(30));
        });

        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterRule.Wait(headers, Now));
    }

    [Fact]
    public void An_HTTP_date_without_a_Date_header_is_measured_against_the_callers_now()
    {
        var headers = Headers(h => h.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(20)));

        Assert.Equal(TimeSpan.FromSeconds(20), RetryAfterRule.Wait(headers, Now));
    }

    [Fact]
    public void A_date_in_the_past_means_no_wait()
    {
        var headers = Headers(h => h.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(-5)));

        Assert.Equal(TimeSpan.Zero, RetryAfterRule.Wait(headers, Now));
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("0")]
    public void Negative_or_zero_seconds_clamp_to_zero(string value)
    {
        Assert.Equal(TimeSpan.Zero, RetryAfterRule.Wait(value, null, Now));
    }

    [Fact]
    public void A_raw_HTTP_date_uses_the_response_date_when_given()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), RetryAfterRule.Wait("Sun, 01 Mar 2026 11:00:10 GMT", Now.AddHours(-1), Now));
        Assert.Equal(TimeSpan.FromSeconds(10), RetryAfterRule.Wait("Sun, 01 Mar 2026 12:00:10 GMT", null, Now));
    }

    [Fact]
    public void An_absurd_delay_does_not_overflow()
    {
        Assert.Equal(TimeSpan.MaxValue, RetryAfterRule.Wait("1e300", null, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    public void No_usable_header_means_no_opinion(string? value)
    {
        Assert.Null(RetryAfterRule.Wait(value, null, Now));
        Assert.Null(RetryAfterRule.Wait(Headers(_ => { }), Now));
    }

    private static HttpResponseHeaders Headers(Action<HttpResponseHeaders> set)
    {
        var response = new HttpResponseMessage();
        set(response.Headers);
        return response.Headers;
    }
}
