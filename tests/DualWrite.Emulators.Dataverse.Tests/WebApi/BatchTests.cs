using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

public sealed class BatchTests : IClassFixture<EmulatorFixture>
{
    private static readonly Guid Usmf = SeedIds.Usmf;
    private readonly EmulatorFixture _fixture;

    public BatchTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    private static string Key(string number) => $"accounts(_msdyn_company_value={Usmf},accountnumber='{number}')";

    [Fact]
    public async Task A_changeset_commits_all_its_requests_and_resolves_content_id_references()
    {
        using var client = await _fixture.ClientAsync();
        var batch = new BatchBody().Changeset(
            ("POST", "/api/data/v9.2/accounts", new JsonObject { ["name"] = "Parent", ["accountnumber"] = "CS-PARENT", ["msdyn_company@odata.bind"] = $"cdm_companies({Usmf})" }),
            ("POST", "/api/data/v9.2/accounts", new JsonObject { ["name"] = "Child", ["accountnumber"] = "CS-CHILD", ["msdyn_company@odata.bind"] = $"cdm_companies({Usmf})", ["msdyn_billingaccount@odata.bind"] = "$1" }),
            ("PATCH", "$1", new JsonObject { ["telephone1"] = "555" }));

        using var response = await client.Http.PostAsync("$batch", batch.ToContent());
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("multipart/mixed", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Equal([204, 204, 204], BatchBody.Statuses(text));
        var parent = await client.GetJsonAsync(Key("CS-PARENT") + "?$select=telephone1");
        var child = await client.GetJsonAsync(Key("CS-CHILD") + "?$select=_msdyn_billingaccount_value");
        Assert.Equal("555", parent["telephone1"]!.GetValue<string>());
        Assert.Equal(parent["accountid"]!.GetValue<string>(), child["_msdyn_billingaccount_value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_changeset_with_a_failing_request_rolls_back_the_requests_before_it()
    {
        using var client = await _fixture.ClientAsync();
        var batch = new BatchBody().Changeset(
            ("PATCH", Key("ATOMIC-1"), new JsonObject { ["name"] = "would be created" }),
            ("POST", "accounts", new JsonObject { ["nosuchcolumn"] = "breaks the changeset" }));

        using var response = await client.Http.PostAsync("$batch", batch.ToContent());
        var text = await response.Content.ReadAsStringAsync();
        var (read, _) = await client.SendAsync(HttpMethod.Get, Key("ATOMIC-1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([400], BatchBody.Statuses(text));
        Assert.Contains("nosuchcolumn", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task A_batch_stops_at_the_first_error_unless_continue_on_error_is_preferred()
    {
        using var client = await _fixture.ClientAsync();
        BatchBody Build(string suffix) => new BatchBody()
            .Request("GET", "cdm_companies(cdm_companycode='usmf')?$select=cdm_name")
            .Request("GET", $"accounts({Guid.NewGuid()})")
            .Request("PATCH", Key("AFTER-ERROR-" + suffix), new JsonObject { ["name"] = "after" });

        using var stopped = await client.Http.PostAsync("$batch", Build("STOP").ToContent());
        using var request = new HttpRequestMessage(HttpMethod.Post, "$batch") { Content = Build("GO").ToContent() };
        request.Headers.Add("Prefer", "odata.continue-on-error");
        using var continued = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, stopped.StatusCode);
        Assert.Equal([200, 404], BatchBody.Statuses(await stopped.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, continued.StatusCode);
        Assert.Equal([200, 404, 204], BatchBody.Statuses(await continued.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Get, Key("AFTER-ERROR-STOP"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, Key("AFTER-ERROR-GO"))).Response.StatusCode);
    }

    [Fact]
    public async Task A_batch_of_more_than_1000_requests_is_refused()
    {
        using var client = await _fixture.ClientAsync();
        var batch = new BatchBody();
        foreach (var _ in Enumerable.Range(0, 1001))
        {
            batch.Request("GET", "cdm_companies?$top=1");
        }

        using var response = await client.Http.PostAsync("$batch", batch.ToContent());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
