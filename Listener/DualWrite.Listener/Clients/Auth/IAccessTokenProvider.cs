using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Clients.Auth;

/// <summary>Gives a bearer token for one resource, cached until shortly before it expires.</summary>
public interface IAccessTokenProvider
{
    /// <summary>A valid access token. Throws <see cref="AccessTokenException"/> when the authority refuses.</summary>
    Task<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Drops the cached token (the resource answered 401 to it: it was revoked or the clock drifted).</summary>
    void Invalidate();
}
