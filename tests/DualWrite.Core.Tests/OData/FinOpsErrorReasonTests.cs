using DualWrite.Core.OData;

namespace DualWrite.Core.Tests.OData;

/// <summary>The plug-in's F&amp;O reasons, moved with the reader from FinOpsErrorBody to Core's ODataErrorBody.</summary>
public sealed class FinOpsErrorReasonTests
{
    [Fact]
    public void The_inner_error_message_is_the_reason()
    {
        const string body = "{\"error\":{\"code\":\"\",\"message\":\"An error has occurred.\",\"innererror\":{\"message\":\"Write failed for table row of type 'CustCustomerV3Entity'. Infolog: Customer group '99' does not exist.\",\"type\":\"X\",\"stacktrace\":\"at A\\r\\nat B\"}}}";

        Assert.Equal("Write failed for table row of type 'CustCustomerV3Entity'. Infolog: Customer group '99' does not exist.", ODataErrorBody.Reason(body, preferInnerMessage: true, "fallback"));
    }

    [Fact]
    public void Without_an_inner_error_the_error_message_is_the_reason()
    {
        Assert.Equal("Bad request", ODataErrorBody.Reason("{\"error\":{\"code\":\"0\",\"message\":\"Bad request\"}}", preferInnerMessage: true, "fallback"));
    }

    [Fact]
    public void A_body_that_is_not_JSON_is_quoted_by_its_first_line()
    {
        Assert.Equal("<html>Gateway timeout", ODataErrorBody.Reason("<html>Gateway timeout\n<body>...</body>", preferInnerMessage: true, "fallback"));
    }

    [Fact]
    public void An_empty_body_gives_the_fallback()
    {
        Assert.Equal("HTTP 502 Bad Gateway", ODataErrorBody.Reason("  ", preferInnerMessage: true, "HTTP 502 Bad Gateway"));
    }

    [Fact]
    public void A_long_reason_is_shortened()
    {
        var reason = ODataErrorBody.FirstLine(new string('x', 2000));

        Assert.Equal(503, reason.Length);
        Assert.EndsWith("...", reason, System.StringComparison.Ordinal);
    }
}
