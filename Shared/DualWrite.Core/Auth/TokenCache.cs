using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Core.Auth;

/// <summary>
/// Access tokens per key (<see cref="ClientCredentialsGrant.CacheKey"/>: token endpoint, client, scope), renewed <see cref="RenewalMargin"/> before they expire so
/// one never expires in flight. Thread-safe; one fetch at a time per key, so a burst of callers after expiry asks
/// once. Time is passed in, never read from the clock (the plug-in passes the operation's creation time).
/// </summary>
public sealed class TokenCache
{
    /// <summary>The usual renewal margin: five minutes before expiry.</summary>
    public static readonly TimeSpan DefaultRenewalMargin = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, AccessToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public TokenCache()
        : this(DefaultRenewalMargin)
    {
    }

    public TokenCache(TimeSpan renewalMargin)
    {
        RenewalMargin = renewalMargin < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(renewalMargin)) : renewalMargin;
    }

    /// <summary>Tokens are renewed this long before they expire.</summary>
    public TimeSpan RenewalMargin { get; }

    /// <summary>
    /// The cached token for <paramref name="key"/> while fresh at <paramref name="nowUtc"/>, else a new one from
    /// <paramref name="fetch"/>; null when <paramref name="fetch"/> could not get one (nothing is cached then).
    /// </summary>
    public AccessToken? GetOrFetch(string key, DateTime nowUtc, Func<AccessToken?> fetch)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        if (TryGetFresh(key, nowUtc, out var cached))
        {
            return cached;
        }

        var gate = Gate(key);
        gate.Wait();
        try
        {
            // Another thread may have fetched while this one waited.
            return TryGetFresh(key, nowUtc, out cached) ? cached : Store(key, fetch());
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>As <see cref="GetOrFetch"/>, for an asynchronous fetch.</summary>
    public async Task<AccessToken?> GetOrFetchAsync(string key, DateTime nowUtc, Func<Task<AccessToken?>> fetch, CancellationToken cancellationToken)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        if (TryGetFresh(key, nowUtc, out var cached))
        {
            return cached;
        }

        var gate = Gate(key);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return TryGetFresh(key, nowUtc, out cached) ? cached : Store(key, await fetch().ConfigureAwait(false));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="rejected"/> (the service answered 401 to it); a newer token stays.</summary>
    public void Invalidate(string key, AccessToken rejected)
    {
        if (_tokens.TryGetValue(key, out var cached) && ReferenceEquals(cached, rejected))
        {
            _tokens.TryRemove(key, out _);
        }
    }

    private bool TryGetFresh(string key, DateTime nowUtc, out AccessToken? token) =>
        _tokens.TryGetValue(key, out token) && token!.IsFresh(nowUtc, RenewalMargin);

    private AccessToken? Store(string key, AccessToken? token)
    {
        if (token is not null)
        {
            _tokens[key] = token;
        }

        return token;
    }

    private SemaphoreSlim Gate(string key) => _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
}
