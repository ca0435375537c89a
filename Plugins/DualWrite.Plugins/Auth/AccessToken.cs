using System;

namespace DualWrite.Plugins.Auth;

/// <summary>A bearer token and the moment (UTC) after which it must not be used any more.</summary>
public sealed class AccessToken
{
    public AccessToken(string value, DateTime expiresOnUtc)
    {
        Value = string.IsNullOrEmpty(value) ? throw new ArgumentException("Required.", nameof(value)) : value;
        ExpiresOnUtc = expiresOnUtc;
    }

    public string Value { get; }

    public DateTime ExpiresOnUtc { get; }

    /// <summary>True while the token has more than <paramref name="margin"/> left at <paramref name="nowUtc"/>.</summary>
    public bool IsFresh(DateTime nowUtc, TimeSpan margin) => nowUtc.Ticks + margin.Ticks < ExpiresOnUtc.Ticks;
}
