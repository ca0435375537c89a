using System;
using System.Globalization;

namespace DualWrite.Plugins.FinOps;

/// <summary>
/// The result of one write to F&amp;O, success or the expected failures, as a value: the plug-in turns a
/// failure into the user's message only at its boundary.
/// </summary>
public sealed class FinOpsCallResult
{
    private FinOpsCallResult(FinOpsOutcome outcome, int? statusCode, string? reason, TimeSpan? waited)
    {
        Outcome = outcome;
        StatusCode = statusCode;
        Reason = reason;
        Time = waited;
    }

    public FinOpsOutcome Outcome { get; }

    public bool Succeeded => Outcome == FinOpsOutcome.Succeeded;

    /// <summary>The HTTP status F&amp;O answered, when it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>F&amp;O's own reason (innererror.message) or what went wrong on the way.</summary>
    public string? Reason { get; }

    /// <summary>For a timeout: the time waited; for throttling: the wait F&amp;O asked for.</summary>
    public TimeSpan? Time { get; }

    /// <summary>For a timeout: true when the overall budget, not one call's timeout, ran out.</summary>
    public bool BudgetSpent { get; private set; }

    /// <summary>For throttling: the overall budget the wait did not fit.</summary>
    public TimeSpan? Budget { get; private set; }

    public static FinOpsCallResult Success(int statusCode) => new(FinOpsOutcome.Succeeded, statusCode, null, null);

    public static FinOpsCallResult Rejected(int statusCode, string reason) => new(FinOpsOutcome.Rejected, statusCode, reason, null);

    public static FinOpsCallResult Failed(int statusCode, string reason) => new(FinOpsOutcome.Failed, statusCode, reason, null);

    public static FinOpsCallResult Throttled(TimeSpan retryAfter, TimeSpan budget) =>
        new(FinOpsOutcome.Throttled, 429, null, retryAfter) { Budget = budget };

    public static FinOpsCallResult TimedOut(TimeSpan waited, bool budgetSpent) =>
        new(FinOpsOutcome.TimedOut, null, null, waited) { BudgetSpent = budgetSpent };

    public static FinOpsCallResult Unreachable(string reason) => new(FinOpsOutcome.Unreachable, null, reason, null);

    public static FinOpsCallResult TokenFailed(string reason) => new(FinOpsOutcome.NotSignedIn, null, reason, null);

    /// <summary>"15 s", "1.5 s": durations as users read them.</summary>
    public static string Seconds(TimeSpan time) =>
        Math.Round(time.TotalSeconds, 1).ToString("0.#", CultureInfo.InvariantCulture) + " s";

    /// <summary>The deepest exception's message: the one that says "Connection refused".</summary>
    public static string Innermost(Exception ex)
    {
        var current = ex ?? throw new ArgumentNullException(nameof(ex));
        while (current.InnerException is not null)
        {
            current = current.InnerException;
        }

        return current.Message;
    }

    public override string ToString() => Outcome + (StatusCode is null ? string.Empty : " " + StatusCode.Value.ToString(CultureInfo.InvariantCulture)) + (Reason is null ? string.Empty : ": " + Reason);
}
