using System;
using System.Net.Http;

namespace DualWrite.Listener.Clients.Auth;

/// <summary>Chooses the token provider for an authority: MSAL for https, our own grant for http (emulators on loopback).</summary>
public static class AccessTokenProviders
{
    public static IAccessTokenProvider Create(ClientCredentialsOptions options, HttpClient tokenHttp, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Authority is { Scheme: "https" }
            ? new MsalAccessTokenProvider(options)
            : new HttpClientCredentialsTokenProvider(tokenHttp, options, timeProvider);
    }
}
