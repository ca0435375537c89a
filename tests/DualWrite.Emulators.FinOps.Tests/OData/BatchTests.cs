using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using DualWrite.Emulators.FinOps.Tests.Support;

namespace DualWrite.Emulators.FinOps.Tests.OData;

public sealed class BatchTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    private HttpClient Http => _harness.Http;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_changeset_commits_all_its_writes_and_answers_each_in_a_changeset_response()
    {
        var body = Batch(
            Changeset(
                Part("POST", "CustomerGroups", """{"CustomerGroupId":"60","Description":"Batch group"}""", "1"),
                Part("POST", "CustomersV3", Customer("US-950", "60"), "2"),
                Part("PATCH", "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", """{"OrganizationName":"Batched"}""", "3")),
            Part("GET", "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')?$select=OrganizationName", null, null));

        using var response = await SendBatchAsync(body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("multipart/mixed", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("changesetresponse_", text, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(text, "HTTP/1.1 201 Created"));
        Assert.Contains("HTTP/1.1 204 No Content", text, StringComparison.Ordinal);
        Assert.Contains("\"OrganizationName\":\"Batched\"", text, StringComparison.Ordinal);
        using var created = await Http.GetAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-950')");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
    }

    [Fact]
    public async Task A_failing_write_rolls_back_its_whole_changeset_and_publishes_nothing()
    {
        var before = _harness.Control.Events.Published.Count;
        var body = Batch(Changeset(
            Part("POST", "CustomersV3", Customer("US-960", "10"), "1"),
            Part("PATCH", "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')", """{"OrganizationName":"Should not stay"}""", "2"),
            Part("POST", "CustomersV3", Customer("US-961", "99"), "3")));

        using var response = await SendBatchAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        using var first = await Http.GetAsync("CustomersV3(dataAreaId='usmf',CustomerAccount='US-960')");
        var untouched = await HttpJson.GetAsync(Http, "CustomersV3(dataAreaId='usmf',CustomerAccount='US-001')");

        Assert.Contains("HTTP/1.1 400 Bad Request", text, StringComparison.Ordinal);
        Assert.Contains("CustomerGroupId", text, StringComparison.Ordinal);
        Assert.DoesNotContain("201 Created", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.NotEqual("Should not stay", untouched.GetProperty("OrganizationName").GetString());
        Assert.Equal(before, _harness.Control.Events.Published.Count);
    }

    [Fact]
    public async Task A_committed_changeset_publishes_one_event_per_write_after_the_commit()
    {
        var before = _harness.Control.Events.Published.Count;
        var body = Batch(Changeset(
            Part("POST", "CustomersV3", Customer("US-970", "10"), "1"),
            Part("DELETE", "CustomersV3(dataAreaId='usmf',CustomerAccount='US-003')", null, "2")));

        using var response = await SendBatchAsync(body);
        var published = _harness.Control.Events.Published.Skip(before).Select(p => p.Event).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { "Create", "Delete" }, published.Select(e => e.Operation.ToString()));
        Assert.True(published[1].ControlNumber > published[0].ControlNumber);
    }

    [Fact]
    public async Task A_content_id_reference_addresses_an_entity_created_earlier_in_the_changeset()
    {
        var body = Batch(Changeset(
            Part("POST", "CustomersV3", Customer("US-980", "10"), "1"),
            Part("PATCH", "$1", """{"OrganizationName":"Referenced"}""", "2")));

        using var response = await SendBatchAsync(body);
        var read = await HttpJson.GetAsync(Http, "CustomersV3(dataAreaId='usmf',CustomerAccount='US-980')");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Referenced", read.GetProperty("OrganizationName").GetString());
    }

    private static string Customer(string account, string group) =>
        "{\"CustomerAccount\":\"" + account + "\",\"PartyType\":\"Organization\",\"CustomerGroupId\":\"" + group + "\",\"LanguageId\":\"en-us\"}";

    private static string Part(string method, string url, string? json, string? contentId)
    {
        var sb = new StringBuilder("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (contentId is not null)
        {
            sb.Append("Content-ID: ").Append(contentId).Append("\r\n");
        }

        sb.Append("\r\n").Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n");
        if (json is not null)
        {
            sb.Append("Content-Type: application/json\r\n\r\n").Append(json).Append("\r\n");
        }
        else
        {
            sb.Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Changeset(params string[] parts) =>
        "Content-Type: multipart/mixed; boundary=changeset_1\r\n\r\n"
        + string.Concat(parts.Select(p => "--changeset_1\r\n" + p)) + "--changeset_1--\r\n";

    private static string Batch(params string[] parts) => string.Concat(parts.Select(p => "--batch_1\r\n" + p)) + "--batch_1--\r\n";

    private async Task<HttpResponseMessage> SendBatchAsync(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=batch_1");
        return await Http.PostAsync("$batch", content);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
