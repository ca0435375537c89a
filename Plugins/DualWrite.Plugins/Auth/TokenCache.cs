using System;
using System.Collections.Concurrent;

namespace DualWrite.Plugins.Auth;

/// <summary>
/// The one static of the plug-in: access tokens per (authority, tenant, client, scope), shared by every
/// plug-in instance in the sandbox worker so many saves cost one token request. Thread-safe; one fetch at a
/// time per key, so a burst of saves after expiry asks once. Time is passed in (the operation's creation
/// time), never read from the clock.
/// </summary>
public static class TokenCache
{
    /// <summary>Tokens are renewed this long before they expire, so one never expires in flight.</summary>
    public static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(5);

    private static readonly ConcurrentDictionary<string, AccessToken> Tokens = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, object> Gates = new(StringComparer.Ordinal);

    public static string KeyFor(Uri authority, string tenantId, string clientId, string scope) =>
        authority.AbsoluteUri + "|" + tenantId + "|" + clientId + "|" + scope;

    /// <summary>
    /// The cached token for <paramref name="key"/> while fresh at <paramref name="nowUtc"/>, else a new one from
    /// <paramref name="fetch"/>; null when <paramref name="fetch"/> could not get one (nothing is cached then).
    /// </summary>
    public static AccessToken? GetOrFetch(string key, DateTime nowUtc, Func<AccessToken?> fetch)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        if (Tokens.TryGetValue(key, out var cached) && cached.IsFresh(nowUtc, RenewalMargin))
        {
            return cached;
        }

        lock (Gates.GetOrAdd(key, _ => new object()))
        {
            // Another thread may have fetched while this one waited.
            if (Tokens.TryGetValue(key, out cached) && cached.IsFresh(nowUtc, RenewalMargin))
            {
                return cached;
            }

            var token = fetch();
            if (token is not null)
            {
                Tokens[key] = token;
            }

            return token;
        }
    }

    /// <summary>Forgets <paramref name="rejected"/> (F&amp;O answered 401 to it); a newer token stays.</summary>
    public static void Invalidate(string key, AccessToken rejected)
    {
        if (Tokens.TryGetValue(key, out var cached) && ReferenceEquals(cached, rejected))
        {
            Tokens.TryRemove(key, out _);
        }
    }
}
