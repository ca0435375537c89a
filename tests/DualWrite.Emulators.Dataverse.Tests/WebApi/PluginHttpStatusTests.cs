using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

/// <summary>
/// A plug-in that throws InvalidPluginExecutionException with a PluginHttpStatusCode gets that status over the
/// Web API, alone and inside a $batch changeset, with the usual error body.
/// </summary>
public sealed class PluginHttpStatusTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public PluginHttpStatusTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Theory]
    [InlineData(PluginHttpStatusCode.BadRequest)]
    [InlineData(PluginHttpStatusCode.TooManyRequests)]
    [InlineData(PluginHttpStatusCode.BadGateway)]
    [InlineData(PluginHttpStatusCode.GatewayTimeout)]
    public async Task A_plugin_refusal_answers_the_status_the_plugin_asked_for_with_the_Web_API_error_body(PluginHttpStatusCode status)
    {
        using var client = await _fixture.ClientAsync();
        var lastName = EmulatorFixture.HttpStatusPrefix + (int)status;

        var (response, body) = await client.SendAsync(HttpMethod.Post, "contacts", new JsonObject { ["lastname"] = lastName });

        Assert.Equal((int)status, (int)response.StatusCode);
        Assert.Equal("0x80040265", WebApiClient.ErrorCode(body));
        Assert.Equal(EmulatorFixture.HttpStatusMessage(status), WebApiClient.ErrorMessage(body));
        Assert.False(response.Headers.Contains("Retry-After"), "a plug-in cannot supply Retry-After, so none is invented");
        var found = await client.GetJsonAsync($"contacts?$select=lastname&$filter=lastname eq '{lastName}'");
        Assert.Empty(found["value"]!.AsArray());
    }

    [Theory]
    [InlineData(PluginHttpStatusCode.TooManyRequests)]
    [InlineData(PluginHttpStatusCode.BadGateway)]
    [InlineData(PluginHttpStatusCode.GatewayTimeout)]
    public async Task In_a_batch_changeset_the_refused_changesets_response_carries_the_plugins_status_and_nothing_commits(PluginHttpStatusCode status)
    {
        using var client = await _fixture.ClientAsync();
        var accepted = "Changeset-before-" + (int)status;
        var batch = new BatchBody().Changeset(
            ("POST", "contacts", new JsonObject { ["lastname"] = accepted }),
            ("POST", "contacts", new JsonObject { ["lastname"] = EmulatorFixture.HttpStatusPrefix + (int)status }));

        using var response = await client.Http.PostAsync("$batch", batch.ToContent());
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([(int)status], BatchBody.Statuses(text));
        Assert.Contains("\"code\":\"0x80040265\"", text, StringComparison.Ordinal);
        Assert.Contains(EmulatorFixture.HttpStatusMessage(status), text, StringComparison.Ordinal);
        var found = await client.GetJsonAsync($"contacts?$select=lastname&$filter=lastname eq '{accepted}'");
        Assert.Empty(found["value"]!.AsArray());
    }
}
