using DualWrite.Listener.Processing;

namespace DualWrite.EndToEnd.Tests.Support;

internal static class OutcomeAssert
{
    /// <summary>Fails with the outcome's reason, which says what went wrong.</summary>
    public static void Is(ApplyOutcomeKind expected, ApplyOutcome outcome) =>
        Assert.True(outcome.Kind == expected, "Expected " + expected + ", got " + outcome);
}
