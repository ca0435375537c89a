using System;

namespace DualWrite.Listener.Processing;

/// <summary>Exponential backoff with jitter: spreads retries of many events so they do not land together.</summary>
public static class RetryBackoff
{
    /// <summary>
    /// The delay before attempt <paramref name="attempt"/> + 1: <paramref name="initial"/> doubled per attempt,
    /// capped at <paramref name="maximum"/>, then a random point between half and all of it.
    /// </summary>
    public static TimeSpan Compute(int attempt, TimeSpan initial, TimeSpan maximum, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(initial.TotalMilliseconds * Math.Pow(2, exponent), maximum.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (random.NextDouble() * 0.5)));
    }
}
