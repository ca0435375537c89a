using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

public sealed class PluginPipelineTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public PluginPipelineTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task The_tag_query_parameter_reaches_plugins_as_the_tag_shared_variable()
    {
        using var client = await _fixture.ClientAsync();

        await client.SendAsync(HttpMethod.Post, "contacts?tag=DualWrite", new JsonObject { ["lastname"] = "Tagged" });
        await client.SendAsync(HttpMethod.Post, "contacts", new JsonObject { ["lastname"] = "Untagged" });

        Assert.Equal("DualWrite", _fixture.TagsByLastName["Tagged"]);
        Assert.Equal("(none)", _fixture.TagsByLastName["Untagged"]);
    }

    [Fact]
    public async Task A_plugin_refusal_is_400_with_its_message_and_leaves_the_record_unchanged()
    {
        using var client = await _fixture.ClientAsync();
        var (_, created) = await client.SendAsync(HttpMethod.Post, "contacts?$select=lastname", new JsonObject { ["lastname"] = "Before" }, ("Prefer", "return=representation"));
        var url = $"contacts({created!["contactid"]!.GetValue<string>()})";

        var (response, body) = await client.SendAsync(HttpMethod.Patch, url, new JsonObject { ["lastname"] = EmulatorFixture.RefusedLastName, ["firstname"] = "Changed" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("0x80040265", WebApiClient.ErrorCode(body));
        Assert.Equal(EmulatorFixture.RefusalMessage, WebApiClient.ErrorMessage(body));
        var after = await client.GetJsonAsync(url + "?$select=lastname,firstname");
        Assert.Equal("Before", after["lastname"]!.GetValue<string>());
        Assert.Null(after["firstname"]);
    }

    [Fact]
    public async Task The_bypass_header_skips_custom_plugins()
    {
        using var client = await _fixture.ClientAsync();
        var (_, created) = await client.SendAsync(HttpMethod.Post, "contacts", new JsonObject { ["lastname"] = "Bypass" }, ("Prefer", "return=representation"));
        var url = $"contacts({created!["contactid"]!.GetValue<string>()})";

        var (response, _) = await client.SendAsync(HttpMethod.Patch, url, new JsonObject { ["lastname"] = EmulatorFixture.RefusedLastName }, ("MSCRM.BypassCustomPluginExecution", "true"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(EmulatorFixture.RefusedLastName, (await client.GetJsonAsync(url + "?$select=lastname"))["lastname"]!.GetValue<string>());
    }
}
