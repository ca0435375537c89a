using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Json;

namespace DualWrite.Core.Auth;

/// <summary>
/// The OAuth 2.0 client-credentials grant over plain HTTP, the one used by the plug-in, the listener's non-MSAL
/// path and the emulator tests: <c>POST</c> the form to the token endpoint, read <c>access_token</c> and
/// <c>expires_in</c> with Core's JSON, keep the token in a <see cref="TokenCache"/>. Sandbox-safe: no clock
/// reads (the caller passes "now"), no dependency beyond System.Net.Http. A refusal is a value; an unreachable
/// or silent service throws as HttpClient does (<see cref="HttpRequestException"/>, <see cref="OperationCanceledException"/>).
/// </summary>
public sealed class ClientCredentialsTokenClient
{
    /// <summary>The lifetime assumed when the answer has no usable <c>expires_in</c>: Entra's usual hour.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(3599);

    private readonly HttpClient _http;
    private readonly TokenCache _cache;
    private int _tokensRequested;

    public ClientCredentialsTokenClient(HttpClient http, ClientCredentialsGrant grant, TokenCache cache)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        Grant = grant ?? throw new ArgumentNullException(nameof(grant));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
    }

    public ClientCredentialsGrant Grant { get; }

    /// <summary>How many tokens were requested from the service (tests check the cache).</summary>
    public int TokensRequested => Volatile.Read(ref _tokensRequested);

    /// <summary>A cached token while fresh at <paramref name="nowUtc"/>, else a new one; a refusal is not cached.</summary>
    public async Task<TokenResult> GetTokenAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        TokenResult? answer = null;
        var token = await _cache.GetOrFetchAsync(
            Grant.CacheKey,
            nowUtc,
            async () =>
            {
                Interlocked.Increment(ref _tokensRequested);
                answer = await RequestAsync(_http, Grant, nowUtc, cancellationToken).ConfigureAwait(false);
                return answer.Token;
            },
            cancellationToken).ConfigureAwait(false);
        return token is not null ? answer ?? TokenResult.Issued(token, 0) : answer!;
    }

    /// <summary>
    /// As <see cref="GetTokenAsync"/>, for a synchronous caller (a plug-in): callers waiting for another's fetch block
    /// their own thread instead of needing a second one to resume them, so a host whose threads are all busy in
    /// plug-ins still hands the token to every waiter. The fetch itself is as synchronous as the HttpClient's handler.
    /// </summary>
    public TokenResult GetToken(DateTime nowUtc, CancellationToken cancellationToken)
    {
        TokenResult? answer = null;
        var token = _cache.GetOrFetch(
            Grant.CacheKey,
            nowUtc,
            () =>
            {
                Interlocked.Increment(ref _tokensRequested);
                answer = RequestAsync(_http, Grant, nowUtc, cancellationToken).ConfigureAwait(false).GetAwaiter().GetResult();
                return answer.Token;
            });
        return token is not null ? answer ?? TokenResult.Issued(token, 0) : answer!;
    }

    /// <summary>Forgets <paramref name="rejected"/> (the service answered 401 to it), so the next call fetches.</summary>
    public void Invalidate(AccessToken rejected) => _cache.Invalidate(Grant.CacheKey, rejected ?? throw new ArgumentNullException(nameof(rejected)));

    /// <summary>One uncached request to the token endpoint.</summary>
    public static async Task<TokenResult> RequestAsync(HttpClient http, ClientCredentialsGrant grant, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (http is null)
        {
            throw new ArgumentNullException(nameof(http));
        }

        if (grant is null)
        {
            throw new ArgumentNullException(nameof(grant));
        }

        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", grant.ClientId),
            new("client_secret", grant.ClientSecret),
            new("scope", grant.Scope),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, grant.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return Read((int)response.StatusCode, response.IsSuccessStatusCode, body, nowUtc);
    }

    /// <summary>Reads a token endpoint's answer; public so the rule is testable without a server.</summary>
    public static TokenResult Read(int statusCode, bool succeeded, string? body, DateTime nowUtc)
    {
        JsonObject? json = null;
        try
        {
            json = string.IsNullOrWhiteSpace(body) ? null : JsonParser.Parse(body!) as JsonObject;
        }
        catch (JsonParseException)
        {
            // Reported below as an answer without a token.
        }

        if (!succeeded || json?["access_token"] is not JsonString accessToken || accessToken.Value.Length == 0)
        {
            var reason = (json?["error_description"] as JsonString)?.Value
                ?? (json?["error"] as JsonString)?.Value
                ?? (json is null ? "the answer is not JSON" : "no access_token in the answer");
            return TokenResult.Refused(statusCode, reason);
        }

        return TokenResult.Issued(new AccessToken(accessToken.Value, nowUtc + Lifetime(json), nowUtc), statusCode);
    }

    private static TimeSpan Lifetime(JsonObject json)
    {
        // Entra sends a number; some token services send it as a string.
        var seconds = json["expires_in"] switch
        {
            JsonNumber number => number.ToDouble(),
            JsonString text when double.TryParse(text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => double.NaN,
        };
        return double.IsNaN(seconds) || seconds <= 0 || seconds > int.MaxValue ? DefaultLifetime : TimeSpan.FromSeconds(seconds);
    }
}
