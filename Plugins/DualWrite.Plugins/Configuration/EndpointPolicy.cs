using System;
using System.Net;

namespace DualWrite.Plugins.Configuration;

/// <summary>
/// The sandbox's rule for outbound URLs: HTTPS to a DNS name. An IP address, localhost or plain HTTP is
/// accepted only when the step says it targets an emulator (<c>allowEmulatorUrls</c>).
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

        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            return "'" + setting + "' must be an http(s) URL, not " + url.Scheme + ": '" + url + "'";
        }

        if (allowEmulatorUrls)
        {
            return null;
        }

        if (IsLoopbackOrAddress(url))
        {
            return "'" + setting + "' is '" + url + "': the Dataverse sandbox allows DNS names only (no IP address, no localhost); set \"allowEmulatorUrls\": true only when the step targets a local emulator";
        }

        return url.Scheme != Uri.UriSchemeHttps
            ? "'" + setting + "' must use https: '" + url + "' (plain http is for emulators only, with \"allowEmulatorUrls\": true)"
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
