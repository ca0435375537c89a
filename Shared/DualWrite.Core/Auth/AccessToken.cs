using System;

namespace DualWrite.Core.Auth;

/// <summary>A bearer token, when it was issued and the moment (UTC) after which it must not be used any more.</summary>
public sealed class AccessToken
{
    public AccessToken(string value, DateTime expiresOnUtc, DateTime? issuedOnUtc = null)
    {
        Value = string.IsNullOrEmpty(value) ? throw new ArgumentException("Required.", nameof(value)) : value;
        ExpiresOnUtc = expiresOnUtc;
        IssuedOnUtc = issuedOnUtc;
    }

    public string Value { get; }

    public DateTime ExpiresOnUtc { get; }

    public DateTime? IssuedOnUtc { get; }

    /// <summary>
    /// True while the token has more than <paramref name="margin"/> left at <paramref name="nowUtc"/>. A token
    /// whose whole life is shorter than the margin is used for half its life rather than never cached.
    /// </summary>
    public bool IsFresh(DateTime nowUtc, TimeSpan margin)
    {
        if (IssuedOnUtc is DateTime issued && ExpiresOnUtc.Ticks - issued.Ticks <= margin.Ticks)
        {
            return nowUtc.Ticks < issued.Ticks + ((ExpiresOnUtc.Ticks - issued.Ticks) / 2);
        }

        return nowUtc.Ticks + margin.Ticks < ExpiresOnUtc.Ticks;
    }
}
