using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Auth;

namespace DualWrite.Listener.Clients.Auth;

/// <summary>
/// The client credentials grant over plain HTTP through Core's <see cref="ClientCredentialsTokenClient"/> (the
/// one the plug-in uses): <c>POST {authority}/oauth2/v2.0/token</c>, cached until
/// <see cref="ClientCredentialsOptions.RenewBeforeExpiry"/> before <c>expires_in</c>. Used for the emulators'
/// http loopback authorities, which MSAL refuses. Adds the listener's clock and its exception for a refusal.
/// </summary>
public sealed class HttpClientCredentialsTokenProvider : IAccessTokenProvider, IDisposable
{
    private readonly ClientCredentialsTokenClient _client;
    private readonly TimeProvider _time;
    private AccessToken? _last;

    public HttpClientCredentialsTokenProvider(HttpClient http, ClientCredentialsOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        var authority = options.Authority!.ToString().TrimEnd('/');
        var grant = new ClientCredentialsGrant(new Uri(authority + "/oauth2/v2.0/token"), options.ClientId, options.ClientSecret, options.Scope);
        _client = new ClientCredentialsTokenClient(http, grant, new TokenCache(options.RenewBeforeExpiry));
    }

    /// <summary>How many tokens were requested from the authority (tests check the cache).</summary>
    public int TokensRequested => _client.TokensRequested;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var endpoint = _client.Grant.TokenEndpoint;
        TokenResult answer;
        try
        {
            answer = await _client.GetTokenAsync(_time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new AccessTokenException("The token endpoint " + endpoint + " cannot be reached: " + ex.Message, ex);
        }

        if (answer.Token is null)
        {
            throw new AccessTokenException("The token endpoint " + endpoint + " refused client " + _client.Grant.ClientId + " (" + answer.StatusCode + "): " + answer.Reason);
        }

        _last = answer.Token;
        return answer.Token.Value;
    }

    public void Invalidate()
    {
        if (_last is { } rejected)
        {
            _client.Invalidate(rejected);
        }
    }

    public void Dispose()
    {
        // Nothing to release any more: the cache's gates live as long as the cache. Kept for the callers' using.
    }
}
