using System;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Admin;

/// <summary>
/// Checks an admin request: <c>Bearer KEY</c> or Basic <c>admin:KEY</c> when a key is configured, a loopback
/// caller when none is. Comparisons hash both sides first and take the same time whatever matches, so neither
/// the key nor its length leaks through timing.
/// </summary>
public sealed class AdminAuthenticator(IOptionsMonitor<AdminOptions> options)
{
    public AdminAccess Check(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.CurrentValue;
        if (!settings.HasApiKey)
        {
            return IsLoopback(context.Connection.RemoteIpAddress) ? AdminAccess.Granted : AdminAccess.NotLoopback;
        }

        return CarriesKey(context.Request.Headers.Authorization.ToString(), settings.ApiKey!) ? AdminAccess.Granted : AdminAccess.MissingOrWrongKey;
    }

    /// <summary>True when <paramref name="authorization"/> (an Authorization header value) carries <paramref name="apiKey"/>.</summary>
    public static bool CarriesKey(string? authorization, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        if (string.IsNullOrWhiteSpace(authorization) || !AuthenticationHeaderValue.TryParse(authorization, out var header) || header.Parameter is null)
        {
            return false;
        }

        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return SameText(header.Parameter, apiKey);
        }

        if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && TryDecodeBasic(header.Parameter, out var user, out var password))
        {
            // Both compared, always: a wrong user takes as long as a wrong password.
            var userMatches = SameText(user, AdminOptions.BasicUserName);
            var passwordMatches = SameText(password, apiKey);
            return userMatches & passwordMatches;
        }

        return false;
    }

    /// <summary>A caller on this machine; an IPv4 loopback address mapped into IPv6 counts too.</summary>
    public static bool IsLoopback(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        return IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    private static bool TryDecodeBasic(string parameter, out string user, out string password)
    {
        user = password = string.Empty;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(parameter);
        }
        catch (FormatException)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        user = text[..colon];
        password = text[(colon + 1)..];
        return true;
    }

    private static bool SameText(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
