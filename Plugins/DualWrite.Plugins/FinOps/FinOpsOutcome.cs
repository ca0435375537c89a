namespace DualWrite.Plugins.FinOps;

/// <summary>How an exchange with F&amp;O ended.</summary>
public enum FinOpsOutcome
{
    Succeeded,

    /// <summary>F&amp;O refused the request (4xx): the data is wrong for F&amp;O.</summary>
    Rejected,

    /// <summary>F&amp;O failed (5xx) or answered in a way it should not.</summary>
    Failed,

    /// <summary>F&amp;O answered 429 and the wait it asked for does not fit the budget.</summary>
    Throttled,

    /// <summary>No answer within the per-call timeout or the overall budget.</summary>
    TimedOut,

    /// <summary>The connection failed (refused, DNS, TLS).</summary>
    Unreachable,

    /// <summary>No access token could be had from the token service.</summary>
    NotSignedIn,
}
