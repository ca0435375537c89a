using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;

namespace DualWrite.TestSupport.Processes;

/// <summary>
/// HttpClients for an emulator process: a bearer token from its token endpoint (client credentials, the emulators'
/// default application) and the OData headers; and a plain one for its <c>/_emulator</c> admin endpoints.
/// </summary>
public static class EmulatorHttp
{
    public const string ClientId = "dualwrite-emulator";

    public const string ClientSecret = "emulator-secret";

    /// <summary>A client whose BaseAddress is <paramref name="serviceRoot"/> (…/api/data/v9.2/ or …/data/).</summary>
    public static async Task<HttpClient> CreateAsync(Uri baseAddress, string serviceRoot, int maxConnections = 64)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        using var tokenClient = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["scope"] = baseAddress.AbsoluteUri + ".default",
        });
        using var answer = await tokenClient.PostAsync(new Uri(baseAddress, "emulator/oauth2/v2.0/token"), form).ConfigureAwait(false);
        var body = await answer.Content.ReadAsStringAsync().ConfigureAwait(false);
        answer.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(body);
        var token = json.RootElement.GetProperty("access_token").GetString();

        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections }) { BaseAddress = new Uri(baseAddress, serviceRoot), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
        http.DefaultRequestHeaders.Add("OData-Version", "4.0");
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    public static Task<HttpClient> DataverseAsync(Uri baseAddress, int maxConnections = 64) => CreateAsync(baseAddress, "api/data/v9.2/", maxConnections);

    public static Task<HttpClient> FinOpsAsync(Uri baseAddress) => CreateAsync(baseAddress, "data/");

    /// <summary>For <c>/_emulator/...</c> (no token: loopback only).</summary>
    public static HttpClient Admin(Uri baseAddress) => new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
}
