using DualWrite.Plugins.FinOps;

namespace DualWrite.Plugins.WriteThrough;

/// <summary>
/// The messages a user sees when F&amp;O does not take a save: which record (table, key, company), which
/// F&amp;O entity, and what happened in F&amp;O's own words when it said something.
/// </summary>
public static class FailureMessages
{
    public static string Describe(FinOpsCallResult result, WriteThroughPlan plan)
    {
        var record = plan.RecordText ?? "the record";
        var entity = plan.EntitySet ?? "F&O";
        var deleting = plan.Request?.Method == "DELETE";
        var subject = (deleting ? "the deletion of " : string.Empty) + record;
        switch (result.Outcome)
        {
            case FinOpsOutcome.Rejected:
                return Sentence("F&O rejected " + subject + " for " + entity + ": " + result.Reason);
            case FinOpsOutcome.Failed:
                return Sentence("F&O failed to process " + subject + " for " + entity + " (HTTP " + result.StatusCode + "): " + result.Reason);
            case FinOpsOutcome.Throttled:
                return Sentence("F&O is busy and asked to retry " + subject + " for " + entity + " after " + FinOpsCallResult.Seconds(result.Time!.Value)
                    + ", which does not fit the " + FinOpsCallResult.Seconds(result.Budget!.Value) + " budget; nothing was saved, try again in a moment");
            case FinOpsOutcome.TimedOut:
                return Sentence(result.BudgetSpent
                    ? "F&O did not finish " + subject + " for " + entity + " within the " + FinOpsCallResult.Seconds(result.Time!.Value) + " budget; nothing was saved, try again later"
                    : "F&O did not answer within " + FinOpsCallResult.Seconds(result.Time!.Value) + " for " + subject + " in " + entity + "; nothing was saved, try again later");
            case FinOpsOutcome.Unreachable:
                return Sentence("F&O could not be reached for " + subject + " in " + entity + ": " + result.Reason);
            case FinOpsOutcome.NotSignedIn:
                return Sentence("DualWrite could not sign in to F&O for " + subject + " in " + entity + ": " + result.Reason);
            default:
                return Sentence("F&O did not take " + subject + " for " + entity + ": " + result);
        }
    }

    /// <summary>Ends the text with exactly one full stop (F&amp;O's own messages may bring one).</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.EndsWith(".", System.StringComparison.Ordinal) || trimmed.EndsWith("!", System.StringComparison.Ordinal) || trimmed.EndsWith("?", System.StringComparison.Ordinal)
            ? trimmed
            : trimmed + ".";
    }
}
