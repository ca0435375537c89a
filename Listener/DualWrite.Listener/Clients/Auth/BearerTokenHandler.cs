using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Clients.Auth;

/// <summary>
/// Puts the bearer token on every request; on a 401 drops the cached token and tries once more with a
/// fresh one (a token revoked or issued by a restarted emulator).
/// </summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly IAccessTokenProvider _tokens;

    public BearerTokenHandler(IAccessTokenProvider tokens)
    {
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false));
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !Replayable(request))
        {
            return response;
        }

        response.Dispose();
        _tokens.Invalidate();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // Our clients send buffered content (StringContent/ByteArrayContent), which can be sent twice.
    private static bool Replayable(HttpRequestMessage request) => request.Content is null or ByteArrayContent;
}
