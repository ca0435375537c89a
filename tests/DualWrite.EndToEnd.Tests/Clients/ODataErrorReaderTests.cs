using System.Net;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.EndToEnd.Tests.Clients;

public class ODataErrorReaderTests
{
    [Fact]
    public void A_Dataverse_error_gives_its_code_and_message()
    {
        var error = ODataErrorReader.Read(HttpStatusCode.BadRequest, """{"error":{"code":"0x80040265","message":"F&O refused: credit limit too high"}}""", null, "Dataverse", "PATCH accounts(1)", preferInnerMessage: false);

        Assert.Equal("0x80040265", error.Code);
        Assert.Equal("F&O refused: credit limit too high", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void An_FinOps_error_gives_the_inner_message_instead_of_the_generic_one()
    {
        var error = ODataErrorReader.Read(HttpStatusCode.BadRequest, """{"error":{"code":"","message":"An error has occurred.","innererror":{"message":"Customer group 99 does not exist.","type":"X","stacktrace":""}}}""", null, "F&O", "POST CustomersV3", preferInnerMessage: true);

        Assert.Null(error.Code);
        Assert.Equal("Customer group 99 does not exist.", error.Message);
        Assert.Contains("F&O answered 400 BadRequest to POST CustomersV3: Customer group 99 does not exist.", error.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_is_not_an_OData_error_is_quoted()
    {
        var error = ODataErrorReader.Read(HttpStatusCode.BadGateway, "<html>proxy down</html>", System.TimeSpan.FromSeconds(3), "Dataverse", "GET accounts", preferInnerMessage: false);

        Assert.Equal("<html>proxy down</html>", error.Message);
        Assert.True(error.IsTransient);
        Assert.Equal(System.TimeSpan.FromSeconds(3), error.RetryAfter);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData((HttpStatusCode)0, true)]
    [InlineData(HttpStatusCode.PreconditionFailed, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void Transient_means_waiting_can_fix_it(HttpStatusCode status, bool transient)
    {
        Assert.Equal(transient, new ODataError(status, null, "x", null, "Dataverse", "GET x").IsTransient);
    }
}
