using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Emulators.Dataverse.Auth;
using DualWrite.Emulators.Dataverse.Hosting;
using DualWrite.Emulators.Dataverse.Seed;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

public sealed class AuthenticationTests
{
    private static async Task<(HttpStatusCode Status, JsonNode? Body)> RequestTokenAsync(DataverseEmulator emulator, Dictionary<string, string> form)
    {
        using var http = new HttpClient();
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(emulator.TokenEndpointFor("contoso.onmicrosoft.com"), content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_token_endpoint_issues_bearer_tokens_for_known_clients_and_refuses_the_rest()
    {
        var options = new DataverseEmulatorOptions { Seed = DataverseSeedOptions.None };
        options.Clients.Add(new DataverseClientCredential("app", "secret"));
        await using var emulator = await DataverseEmulator.StartAsync(options);

        var (ok, token) = await RequestTokenAsync(emulator, new() { ["grant_type"] = "client_credentials", ["client_id"] = "app", ["client_secret"] = "secret", ["scope"] = "x/.default" });
        var (wrongSecret, wrongBody) = await RequestTokenAsync(emulator, new() { ["grant_type"] = "client_credentials", ["client_id"] = "app", ["client_secret"] = "nope" });
        var (wrongGrant, grantBody) = await RequestTokenAsync(emulator, new() { ["grant_type"] = "password", ["client_id"] = "app", ["client_secret"] = "secret" });

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("Bearer", token!["token_type"]!.GetValue<string>());
        Assert.Equal(3599, token["expires_in"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(token["access_token"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret);
        Assert.Equal("invalid_client", wrongBody!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, wrongGrant);
        Assert.Equal("unsupported_grant_type", grantBody!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Web_api_requests_without_a_valid_bearer_token_are_401_with_the_error_body()
    {
        await using var emulator = await DataverseEmulator.StartAsync(new DataverseEmulatorOptions { Seed = DataverseSeedOptions.None });
        using var anonymous = new HttpClient { BaseAddress = emulator.ServiceRoot };
        using var forged = new HttpClient { BaseAddress = emulator.ServiceRoot };
        forged.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "forged");
        using var client = await emulator.CreateAuthenticatedClientAsync();

        using var none = await anonymous.GetAsync("accounts");
        using var bad = await forged.GetAsync("accounts");
        using var good = await client.GetAsync("accounts");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.True(none.Headers.NonValidated.Contains("WWW-Authenticate"));
        Assert.NotNull(JsonNode.Parse(await none.Content.ReadAsStringAsync())!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }
}
