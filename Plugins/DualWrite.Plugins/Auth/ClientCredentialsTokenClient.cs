using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using DualWrite.Core.Json;
using DualWrite.Plugins.Configuration;
using DualWrite.Plugins.FinOps;

namespace DualWrite.Plugins.Auth;

/// <summary>
/// Gets an F&amp;O access token with the OAuth 2.0 client-credentials grant from
/// <c>&lt;authority&gt;&lt;tenant&gt;/oauth2/v2.0/token</c>, through the token cache.
/// </summary>
public sealed class ClientCredentialsTokenClient
{
    private readonly HttpClient _http;
    private readonly ClientCredentials _credentials;
    private readonly string _cacheKey;

    public ClientCredentialsTokenClient(HttpClient http, ClientCredentials credentials)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _cacheKey = TokenCache.KeyFor(credentials.Authority, credentials.TenantId, credentials.ClientId, credentials.Scope);
    }

    /// <summary>A cached or new token; a failure to get one is a value (<see cref="FinOpsCallResult"/>), with the token service's reason.</summary>
    public AccessToken? GetToken(DateTime nowUtc, RequestBudget budget, out FinOpsCallResult? failure)
    {
        FinOpsCallResult? fetchFailure = null;
        var token = TokenCache.GetOrFetch(_cacheKey, nowUtc, () => Fetch(nowUtc, budget, out fetchFailure));
        failure = token is null ? fetchFailure : null;
        return token;
    }

    public void Invalidate(AccessToken rejected) => TokenCache.Invalidate(_cacheKey, rejected);

    private AccessToken? Fetch(DateTime nowUtc, RequestBudget budget, out FinOpsCallResult? failure)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", _credentials.ClientId),
            new("client_secret", _credentials.ClientSecret),
            new("scope", _credentials.Scope),
        };
        var timeout = budget.NextCallTimeout();
        if (timeout <= TimeSpan.Zero)
        {
            failure = FinOpsCallResult.TimedOut(budget.Budget, budgetSpent: true);
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _credentials.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        using var cancellation = new CancellationTokenSource(timeout);
        HttpResponseMessage response;
        try
        {
            response = _http.SendAsync(request, cancellation.Token).ConfigureAwait(false).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            failure = FinOpsCallResult.TokenFailed("the token service at " + _credentials.Authority + " did not answer within " + FinOpsCallResult.Seconds(timeout));
            return null;
        }
        catch (HttpRequestException ex)
        {
            failure = FinOpsCallResult.TokenFailed("the token service at " + _credentials.Authority + " could not be reached (" + FinOpsCallResult.Innermost(ex) + ")");
            return null;
        }

        using (response)
        {
            var body = response.Content.ReadAsStringAsync().ConfigureAwait(false).GetAwaiter().GetResult();
            JsonObject? json = null;
            try
            {
                json = JsonParser.Parse(body) as JsonObject;
            }
            catch (JsonParseException)
            {
                // Reported below as an answer without a token.
            }

            if (!response.IsSuccessStatusCode || json?["access_token"] is not JsonString accessToken || accessToken.Value.Length == 0)
            {
                var reason = (json?["error_description"] as JsonString)?.Value ?? (json?["error"] as JsonString)?.Value ?? "no access_token in the answer";
                failure = FinOpsCallResult.TokenFailed(string.Format(
                    CultureInfo.InvariantCulture,
                    "the token service refused {0} (HTTP {1}): {2}",
                    _credentials,
                    (int)response.StatusCode,
                    FinOpsErrorBody.FirstLine(reason)));
                return null;
            }

            failure = null;
            return new AccessToken(accessToken.Value, nowUtc.AddSeconds(ReadExpiresIn(json)));
        }
    }

    private static double ReadExpiresIn(JsonObject json)
    {
        // Entra sends a number; some token services send it as a string. Unknown: assume the usual hour.
        switch (json["expires_in"])
        {
            case JsonNumber number:
                return number.ToDouble();
            case JsonString text when double.TryParse(text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds):
                return seconds;
            default:
                return 3600;
        }
    }
}
