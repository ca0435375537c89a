using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

/// <summary>$filter and keys are read by Core's parsers (OData literal rules); errors keep the Web API's 400 shape.</summary>
public sealed class FilterAndKeySyntaxTests : IClassFixture<EmulatorFixture>
{
    private const string BadRequestCode = "0x80060888";
    private const string NotFoundCode = "0x80040217";
    private readonly EmulatorFixture _fixture;

    public FilterAndKeySyntaxTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData("accountnumber eq", "position 17")]
    [InlineData("accountnumber eq 'US-001", "a string with no closing quote")]
    [InlineData("contains(accountnumber,5)", "a string literal as the second argument of contains")]
    public async Task A_malformed_filter_answers_400_saying_where_and_what_was_expected(string filter, string expected)
    {
        using var client = await _fixture.ClientAsync();

        var (response, body) = await client.SendAsync(HttpMethod.Get, "accounts?$filter=" + Uri.EscapeDataString(filter));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(BadRequestCode, WebApiClient.ErrorCode(body));
        Assert.Contains(expected, WebApiClient.ErrorMessage(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enum_literal_is_not_a_web_api_value()
    {
        using var client = await _fixture.ClientAsync();

        var (response, body) = await client.SendAsync(HttpMethod.Get, "accounts?$filter=" + Uri.EscapeDataString("accountnumber eq Microsoft.Dynamics.CRM.Kind'A'"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'Microsoft.Dynamics.CRM.Kind'A'' is not a valid literal for 'accountnumber'.", WebApiClient.ErrorMessage(body));
    }

    [Fact]
    public async Task A_negated_string_function_selects_exactly_the_other_records()
    {
        using var client = await _fixture.ClientAsync();

        var all = await CountAsync(client, "startswith(accountnumber,'US-0')");
        var matching = await CountAsync(client, "startswith(accountnumber,'US-0') and endswith(accountnumber,'1')");
        var rest = await CountAsync(client, "startswith(accountnumber,'US-0') and not endswith(accountnumber,'1')");

        Assert.True(matching > 0 && rest > 0);
        Assert.Equal(all, matching + rest);
    }

    [Fact]
    public async Task A_doubled_quote_in_a_filter_string_is_one_quote()
    {
        using var client = await _fixture.ClientAsync();

        Assert.Equal(0, await CountAsync(client, "accountnumber eq 'O''Neil'"));
    }

    [Theory]
    [InlineData("cdm_companies(cdm_companycode='o''neil')")]
    [InlineData("cdm_companies(cdm_companycode='50%25')")]
    public async Task A_well_formed_key_naming_no_record_answers_404(string path)
    {
        using var client = await _fixture.ClientAsync();

        var (response, body) = await client.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(NotFoundCode, WebApiClient.ErrorCode(body));
    }

    [Theory]
    [InlineData("cdm_companies(cdm_companycode='usmf)")]
    [InlineData("cdm_companies(cdm_companycode=usmf)")]
    [InlineData("cdm_companies(cdm_companycode='usmf',cdm_companycode='usmf')")]
    [InlineData("cdm_companies('usmf')")]
    [InlineData("cdm_companies(cdm_companycode=5)")]
    public async Task A_malformed_key_answers_400_with_the_services_key_message(string path)
    {
        using var client = await _fixture.ClientAsync();

        var (response, body) = await client.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The key in the request URI is not valid for resource 'Microsoft.Dynamics.CRM.cdm_company'", WebApiClient.ErrorMessage(body), StringComparison.Ordinal);
    }

    private static async Task<int> CountAsync(WebApiClient client, string filter)
    {
        var body = await client.GetJsonAsync("accounts?$select=accountnumber&$count=true&$filter=" + Uri.EscapeDataString(filter));
        return body["@odata.count"]!.GetValue<int>();
    }
}
