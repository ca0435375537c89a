using System;
using System.Diagnostics;

namespace DualWrite.Plugins.FinOps;

/// <summary>
/// The time one save may spend on F&amp;O: each call gets the per-call timeout or what is left of the
/// overall budget, whichever is shorter; waits (Retry-After) are allowed only while they fit. Measured
/// with the plug-in's stopwatch, never the wall clock.
/// </summary>
public sealed class RequestBudget
{
    private readonly Stopwatch _stopwatch;

    public RequestBudget(Stopwatch stopwatch, TimeSpan callTimeout, TimeSpan budget)
    {
        _stopwatch = stopwatch ?? throw new ArgumentNullException(nameof(stopwatch));
        CallTimeout = callTimeout;
        Budget = budget;
    }

    public TimeSpan CallTimeout { get; }

    public TimeSpan Budget { get; }

    public TimeSpan Remaining => Budget - _stopwatch.Elapsed;

    /// <summary>The timeout for the next call; zero or less when the budget is spent.</summary>
    public TimeSpan NextCallTimeout()
    {
        var remaining = Remaining;
        return remaining < CallTimeout ? remaining : CallTimeout;
    }

    /// <summary>True when waiting <paramref name="delay"/> still leaves time for a call afterwards.</summary>
    public bool Fits(TimeSpan delay) => delay + MinimumCallTime < Remaining;

    /// <summary>Less than this left after a wait is not worth a retry.</summary>
    private static readonly TimeSpan MinimumCallTime = TimeSpan.FromMilliseconds(500);
}
