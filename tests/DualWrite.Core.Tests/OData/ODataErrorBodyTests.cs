using DualWrite.Core.OData;

namespace DualWrite.Core.Tests.OData;

public class ODataErrorBodyTests
{
    private const string FinOpsBody = """{"error":{"code":"","message":"An error has occurred.","innererror":{"message":"Customer group 99 does not exist.","type":"X","stacktrace":""}}}""";
    private const string DataverseBody = """{"error":{"code":"0x80040265","message":"Credit limit too high"}}""";

    [Fact]
    public void Parse_gives_the_code_message_and_inner_message()
    {
        var body = ODataErrorBody.Parse(FinOpsBody)!;

        Assert.Null(body.Code);
        Assert.Equal("An error has occurred.", body.Message);
        Assert.Equal("Customer group 99 does not exist.", body.InnerMessage);
        Assert.Equal("0x80040265", ODataErrorBody.Parse(DataverseBody)!.Code);
    }

    [Fact]
    public void FinOps_prefers_the_inner_message_and_Dataverse_the_outer_one()
    {
        Assert.Equal("Customer group 99 does not exist.", ODataErrorBody.Reason(FinOpsBody, preferInnerMessage: true, "HTTP 400"));
        Assert.Equal("An error has occurred.", ODataErrorBody.Reason(FinOpsBody, preferInnerMessage: false, "HTTP 400"));
        Assert.Equal("Credit limit too high", ODataErrorBody.Reason(DataverseBody, preferInnerMessage: true, "HTTP 400"));
    }

    [Fact]
    public void A_body_that_is_not_an_OData_error_is_quoted_by_its_first_line()
    {
        Assert.Equal("<html>proxy down</html>", ODataErrorBody.Reason("<html>proxy down</html>\r\n<body/>", preferInnerMessage: false, "HTTP 502"));
        Assert.Null(ODataErrorBody.Parse("{\"value\":[]}"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_blank_body_gives_the_fallback(string? body)
    {
        Assert.Equal("HTTP 503 Service Unavailable", ODataErrorBody.Reason(body, preferInnerMessage: true, "HTTP 503 Service Unavailable"));
    }

    [Fact]
    public void A_long_reason_is_shortened()
    {
        var reason = ODataErrorBody.Reason(new string('x', 900), preferInnerMessage: false, "-");

        Assert.Equal(503, reason.Length);
        Assert.EndsWith("...", reason, System.StringComparison.Ordinal);
    }
}
