using System;
using DualWrite.Core.Auth;

namespace DualWrite.Core.Tests.Auth;

/// <summary>Moved from the plug-in's static TokenCache to Core's TokenCache, which the plug-in shares as one static instance.</summary>
public sealed class TokenCacheTests
{
    private readonly TokenCache TokenCache = new();

    private static readonly DateTime Now = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_fresh_token_is_reused()
    {
        var key = Guid.NewGuid().ToString();
        var fetches = 0;
        AccessToken Fetch() => new("t" + ++fetches, Now.AddHours(1));

        var first = TokenCache.GetOrFetch(key, Now, Fetch);
        var second = TokenCache.GetOrFetch(key, Now.AddMinutes(54), Fetch);

        Assert.Same(first, second);
        Assert.Equal(1, fetches);
    }

    [Fact]
    public void A_token_within_five_minutes_of_expiry_is_renewed()
    {
        var key = Guid.NewGuid().ToString();
        var fetches = 0;
        AccessToken Fetch() => new("t" + ++fetches, Now.AddHours(1));

        TokenCache.GetOrFetch(key, Now, Fetch);
        var renewed = TokenCache.GetOrFetch(key, Now.AddMinutes(56), Fetch);

        Assert.Equal("t2", renewed!.Value);
    }

    [Fact]
    public void An_invalidated_token_is_fetched_again_but_a_newer_one_is_kept()
    {
        var key = Guid.NewGuid().ToString();
        var fetches = 0;
        AccessToken Fetch() => new("t" + ++fetches, Now.AddHours(1));
        var first = TokenCache.GetOrFetch(key, Now, Fetch);

        TokenCache.Invalidate(key, first!);
        var second = TokenCache.GetOrFetch(key, Now, Fetch);
        TokenCache.Invalidate(key, first!);

        Assert.Equal("t2", second!.Value);
        Assert.Same(second, TokenCache.GetOrFetch(key, Now, Fetch));
    }

    [Fact]
    public void Concurrent_saves_after_expiry_fetch_once()
    {
        var key = Guid.NewGuid().ToString();
        var fetches = 0;
        AccessToken Fetch()
        {
            System.Threading.Interlocked.Increment(ref fetches);
            System.Threading.Thread.Sleep(50);
            return new AccessToken("t", Now.AddHours(1));
        }

        System.Threading.Tasks.Parallel.For(0, 16, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => TokenCache.GetOrFetch(key, Now, Fetch));

        Assert.Equal(1, fetches);
    }

    [Fact]
    public void A_failed_fetch_caches_nothing()
    {
        var key = Guid.NewGuid().ToString();

        var failed = TokenCache.GetOrFetch(key, Now, () => null);
        var next = TokenCache.GetOrFetch(key, Now, () => new AccessToken("t1", Now.AddHours(1)));

        Assert.Null(failed);
        Assert.Equal("t1", next!.Value);
    }

    [Fact]
    public void Keys_differ_by_authority_tenant_client_and_scope()
    {
        static string KeyFor(string authority, string tenant, string client, string scope) =>
            new ClientCredentialsGrant(new Uri(new Uri(authority), tenant + "/oauth2/v2.0/token"), client, "secret", scope).CacheKey;
        var key = KeyFor("https://login.microsoftonline.com/", "t", "c", "s");

        Assert.NotEqual(key, KeyFor("https://login.example.com/", "t", "c", "s"));
        Assert.NotEqual(key, KeyFor("https://login.microsoftonline.com/", "t2", "c", "s"));
        Assert.NotEqual(key, KeyFor("https://login.microsoftonline.com/", "t", "c2", "s"));
        Assert.NotEqual(key, KeyFor("https://login.microsoftonline.com/", "t", "c", "s2"));
    }
}
