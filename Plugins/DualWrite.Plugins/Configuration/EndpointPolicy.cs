using System;
using System.Net;
using DualWrite.Core.Security;

namespace DualWrite.Plugins.Configuration;

/// <summary>
/// The sandbox's rule for outbound URLs: HTTPS to a DNS name. An IP address, localhost or plain HTTP is
/// accepted only when the step says it targets an emulator (<c>allowEmulatorUrls</c>). Credentials never
/// ride in the URL (they belong in the secure configuration), and no message shows them.
/// </summary>
public static class EndpointPolicy
{
    /// <summary>Null when <paramref name="url"/> is acceptable, else why not (for the setting named <paramref name="setting"/>).</summary>
    public static string? Check(string setting, Uri url, bool allowEmulatorUrls)
    {
        if (url is null)
        {
            throw new ArgumentNullException(nameof(url));
        }

        var shown = SecretRedaction.RedactUrl(url);
        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            return "'" + setting + "' must be an http(s) URL, not " + url.Scheme + ": '" + shown + "'";
        }

        if (url.UserInfo.Length > 0)
        {
            return "'" + setting + "' must not carry a user name or password ('" + shown + "'): credentials go in the step's secure configuration";
        }

        if (allowEmulatorUrls)
        {
            return null;
        }

        if (IsLoopbackOrAddress(url))
        {
            return "'" + setting + "' is '" + shown + "': the Dataverse sandbox allows DNS names only (no IP address, no localhost); set \"allowEmulatorUrls\": true only when the step targets a local emulator";
        }

        return url.Scheme != Uri.UriSchemeHttps
            ? "'" + setting + "' must use https: '" + shown + "' (plain http is for emulators only, with \"allowEmulatorUrls\": true)"
            : null;
    }

    private static bool IsLoopbackOrAddress(Uri url)
    {
        if (url.HostNameType == UriHostNameType.IPv4 || url.HostNameType == UriHostNameType.IPv6 || IPAddress.TryParse(url.Host, out _))
        {
            return true;
        }

        var host = url.Host.TrimEnd('.');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}
