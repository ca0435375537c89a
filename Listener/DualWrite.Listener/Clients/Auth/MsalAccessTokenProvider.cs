using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Identity.Client;

namespace DualWrite.Listener.Clients.Auth;

/// <summary>
/// Client credentials through MSAL (<c>ConfidentialClientApplication</c>) for https authorities: MSAL keeps
/// the app token cache and renews ahead of expiry itself. MSAL refuses http authorities ("The authority
/// must use HTTPS scheme", checked with 4.92.0), so the emulators use <see cref="HttpClientCredentialsTokenProvider"/>.
/// </summary>
public sealed class MsalAccessTokenProvider : IAccessTokenProvider
{
    private readonly IConfidentialClientApplication _application;
    private readonly string[] _scopes;
    private volatile bool _forceRefresh;

    public MsalAccessTokenProvider(ClientCredentialsOptions options, IMsalHttpClientFactory? httpClientFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = ConfidentialClientApplicationBuilder.Create(options.ClientId)
            .WithClientSecret(options.ClientSecret)
            .WithAuthority(options.Authority!.ToString(), validateAuthority: false);
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory);
        }

        _application = builder.Build();
        _scopes = new[] { options.Scope };
    }

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var request = _application.AcquireTokenForClient(_scopes);
            if (_forceRefresh)
            {
                request = request.WithForceRefresh(true);
                _forceRefresh = false;
            }

            var result = await request.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            throw new AccessTokenException("Microsoft Entra refused a token for " + _scopes[0] + ": " + ex.Message, ex);
        }
    }

    public void Invalidate() => _forceRefresh = true;
}
