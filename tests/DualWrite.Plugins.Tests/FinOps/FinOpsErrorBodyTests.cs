using DualWrite.Plugins.FinOps;

namespace DualWrite.Plugins.Tests.FinOps;

public sealed class FinOpsErrorBodyTests
{
    [Fact]
    public void The_inner_error_message_is_the_reason()
    {
        const string body = "{\"error\":{\"code\":\"\",\"message\":\"An error has occurred.\",\"innererror\":{\"message\":\"Write failed for table row of type 'CustCustomerV3Entity'. Infolog: Customer group '99' does not exist.\",\"type\":\"X\",\"stacktrace\":\"at A\\r\\nat B\"}}}";

        Assert.Equal("Write failed for table row of type 'CustCustomerV3Entity'. Infolog: Customer group '99' does not exist.", FinOpsErrorBody.Reason(body, "fallback"));
    }

    [Fact]
    public void Without_an_inner_error_the_error_message_is_the_reason()
    {
        Assert.Equal("Bad request", FinOpsErrorBody.Reason("{\"error\":{\"code\":\"0\",\"message\":\"Bad request\"}}", "fallback"));
    }

    [Fact]
    public void A_body_that_is_not_JSON_is_quoted_by_its_first_line()
    {
        Assert.Equal("<html>Gateway timeout", FinOpsErrorBody.Reason("<html>Gateway timeout\n<body>...</body>", "fallback"));
    }

    [Fact]
    public void An_empty_body_gives_the_fallback()
    {
        Assert.Equal("HTTP 502 Bad Gateway", FinOpsErrorBody.Reason("  ", "HTTP 502 Bad Gateway"));
    }

    [Fact]
    public void A_long_reason_is_shortened()
    {
        var reason = FinOpsErrorBody.FirstLine(new string('x', 2000));

        Assert.Equal(503, reason.Length);
        Assert.EndsWith("...", reason, System.StringComparison.Ordinal);
    }
}
