using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Clients.Auth;

/// <summary>
/// The client credentials grant over plain HTTP: <c>POST {authority}/oauth2/v2.0/token</c> with
/// <c>grant_type=client_credentials</c>, cached until <see cref="ClientCredentialsOptions.RenewBeforeExpiry"/>
/// before <c>expires_in</c>. Used for the emulators' http loopback authorities, which MSAL refuses.
/// </summary>
public sealed class HttpClientCredentialsTokenProvider : IAccessTokenProvider, IDisposable
{
    private readonly HttpClient _http;
    private readonly ClientCredentialsOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Uri _tokenEndpoint;
    private string? _token;
    private DateTimeOffset _renewAt;

    public HttpClientCredentialsTokenProvider(HttpClient http, ClientCredentialsOptions options, TimeProvider timeProvider)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        var authority = options.Authority!.ToString().TrimEnd('/');
        _tokenEndpoint = new Uri(authority + "/oauth2/v2.0/token");
    }

    /// <summary>How many tokens were requested from the authority (tests check the cache).</summary>
    public int TokensRequested { get; private set; }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var cached = _token;
        if (cached is not null && _time.GetUtcNow() < _renewAt)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && _time.GetUtcNow() < _renewAt)
            {
                return _token;
            }

            var (token, lifetime) = await RequestAsync(cancellationToken).ConfigureAwait(false);
            var renewIn = lifetime - _options.RenewBeforeExpiry;
            if (renewIn < TimeSpan.Zero)
            {
                // A lifetime shorter than the margin: use it for half its life rather than never caching.
                renewIn = lifetime / 2;
            }

            _renewAt = _time.GetUtcNow() + renewIn;
            _token = token;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _token = null;

    public void Dispose() => _gate.Dispose();

    private async Task<(string Token, TimeSpan Lifetime)> RequestAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.ClientId,
            ["client_secret"] = _options.ClientSecret,
            ["scope"] = _options.Scope,
        });
        TokensRequested++;
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(_tokenEndpoint, form, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new AccessTokenException("The token endpoint " + _tokenEndpoint + " cannot be reached: " + ex.Message, ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonElement json;
            try
            {
                using var document = JsonDocument.Parse(body);
                json = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new AccessTokenException("The token endpoint " + _tokenEndpoint + " answered " + (int)response.StatusCode + " with a body that is not JSON.");
            }

            if (!response.IsSuccessStatusCode || !json.TryGetProperty("access_token", out var tokenElement) || tokenElement.GetString() is not { Length: > 0 } token)
            {
                var description = json.TryGetProperty("error_description", out var text) ? text.GetString()
                    : json.TryGetProperty("error", out var code) ? code.GetString() : null;
                throw new AccessTokenException("The token endpoint " + _tokenEndpoint + " refused client " + _options.ClientId + " (" + (int)response.StatusCode + "): " + (description ?? "no reason given"));
            }

            var seconds = json.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number ? expires.GetInt32()
                : json.TryGetProperty("expires_in", out expires) && int.TryParse(expires.GetString(), out var parsed) ? parsed
                : 3599;
            return (token, TimeSpan.FromSeconds(seconds));
        }
    }
}
