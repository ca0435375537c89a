using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Emulators.Common.Auth;

/// <summary>Gets a token from an emulator's own token endpoint, for its in-process helpers (tests, demos).</summary>
public static class ClientCredentialsTokenClient
{
    /// <summary>The access token for <paramref name="client"/>; throws <see cref="HttpRequestException"/> when refused.</summary>
    public static async Task<string> GetTokenAsync(Uri tokenEndpoint, IClientCredential client, string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
            ["scope"] = scope,
        });
        using var response = await http.PostAsync(tokenEndpoint, form, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken).ConfigureAwait(false);
        return token?.AccessToken ?? throw new HttpRequestException("The token endpoint answered without an access token.");
    }
}
