using System.Collections.Generic;
using System.Net.Http.Headers;
using System.Net.Http;
using System.Net;
using System.Threading.Tasks;
using System;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.FinOps.Auth;
using DualWrite.Emulators.FinOps.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DualWrite.Emulators.FinOps.Tests.Auth;

public sealed class TokenTests
{
    [Fact]
    public async Task The_token_endpoint_issues_a_bearer_token_for_client_credentials()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(harness.Emulator.TokenEndpointFor("contoso.onmicrosoft.com"), Form(DefaultEmulatorClient.ClientId, DefaultEmulatorClient.ClientSecret));
        var json = await HttpJson.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.Equal(3599, json.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_invalid_client()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        using var http = new HttpClient();

        using var response = await http.PostAsync(harness.Emulator.TokenEndpointFor(), Form(DefaultEmulatorClient.ClientId, "wrong"));
        var json = await HttpJson.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", json.GetProperty("error").GetString());
        Assert.StartsWith("AADSTS7000215", json.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_requests_without_a_valid_token_get_401()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = harness.Emulator.DataAddress };
        using var forged = new HttpClient { BaseAddress = harness.Emulator.DataAddress };
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        using var none = await anonymous.GetAsync("CustomersV3");
        using var bad = await forged.GetAsync("CustomersV3");
        using var metadata = await anonymous.GetAsync("$metadata");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, metadata.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_token_stops_working_when_it_expires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));
        await using var harness = await EmulatorHarness.StartAsync(configure: o => o.TimeProvider = clock);

        using var before = await harness.Http.GetAsync("Currencies");
        clock.Advance(TimeSpan.FromSeconds(3600));
        using var after = await harness.Http.GetAsync("Currencies");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_configured_client_gets_its_own_default_company()
    {
        var germany = new FinOpsClientCredential("de-app", "de-secret", "demf");
        await using var harness = await EmulatorHarness.StartAsync(configure: o => o.Clients.Add(germany));
        using var http = await harness.Emulator.CreateAuthenticatedClientAsync(germany);

        var customers = await HttpJson.GetAsync(http, "CustomersV3?$top=1");

        Assert.Equal("demf", customers.GetProperty("value")[0].GetProperty("dataAreaId").GetString());
    }

    private static FormUrlEncodedContent Form(string clientId, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = clientId,
        ["client_secret"] = secret,
        ["scope"] = "https://env.operations.dynamics.com/.default",
    });
}
