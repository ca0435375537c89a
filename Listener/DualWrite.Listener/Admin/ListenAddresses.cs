using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace DualWrite.Listener.Admin;

/// <summary>
/// The addresses Kestrel is configured to listen on (<c>urls</c>, which <c>DualWrite:Receiving:Urls</c>,
/// <c>--urls</c> and <c>ASPNETCORE_URLS</c> set, and <c>Kestrel:Endpoints:*:Url</c>), read before it binds, and
/// which of them other machines can reach.
/// </summary>
public static class ListenAddresses
{
    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = (configuration[WebHostDefaults.ServerUrlsKey] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"])
            .Where(url => !string.IsNullOrWhiteSpace(url))
            .Select(url => url!));
        return urls;
    }

    /// <summary>
    /// True for <c>localhost</c> and loopback IP addresses; false for wildcards (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>,
    /// <c>+</c>), host names and other addresses, and for anything that does not parse (assume reachable).
    /// </summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']', StringComparison.Ordinal) + 1 : rest.IndexOfAny([':', '/']);
        var host = hostEnd <= 0 ? rest : rest[..hostEnd];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
