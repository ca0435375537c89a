using System;
using DualWrite.Listener.Inbox;

namespace DualWrite.Listener.Processing;

/// <summary>What applying one inbox event came to. Expected failures are outcomes, not exceptions.</summary>
public sealed class ApplyOutcome
{
    private ApplyOutcome(ApplyOutcomeKind kind, string? reason, TimeSpan? delay, string? waitingFor)
    {
        Kind = kind;
        Reason = reason;
        Delay = delay;
        WaitingFor = waitingFor;
    }

    public static ApplyOutcome Applied { get; } = new(ApplyOutcomeKind.Applied, null, null, null);

    public ApplyOutcomeKind Kind { get; }

    /// <summary>Why (skipped, retried, parked, failed): stored as the event's last error, shown in the error queue.</summary>
    public string? Reason { get; }

    /// <summary>RetryLater: the delay to wait (null: the worker's backoff). WaitForRecord: the fallback retry delay.</summary>
    public TimeSpan? Delay { get; }

    /// <summary>WaitForRecord: the record key (ContextRecordSubject form) or wait key whose arrival wakes the event.</summary>
    public string? WaitingFor { get; }

    public static ApplyOutcome Skipped(string reason) => new(ApplyOutcomeKind.Skipped, Required(reason), null, null);

    /// <summary>Try again later: after <paramref name="delay"/> (a Retry-After, say) or the worker's backoff when null.</summary>
    public static ApplyOutcome RetryLater(string reason, TimeSpan? delay = null) =>
        new(ApplyOutcomeKind.RetryLater, Required(reason), NonNegative(delay), null);

    /// <summary>
    /// Park until an event of <paramref name="recordKey"/> is applied (a missing lookup target, say), or until
    /// <paramref name="fallbackDelay"/> (null: the worker's parked recheck interval) has passed.
    /// </summary>
    public static ApplyOutcome WhenRecordArrives(string recordKey, string reason, TimeSpan? fallbackDelay = null) =>
        new(ApplyOutcomeKind.WaitForRecord, Required(reason), NonNegative(fallbackDelay), Required(recordKey));

    /// <summary>Park until the map is resumed (<see cref="MapStates.IMapStateStore.ResumeMapAsync"/>).</summary>
    public static ApplyOutcome WhenMapResumed(string mapName, string reason, TimeSpan? fallbackDelay = null) =>
        WhenRecordArrives(InboxWaitKeys.MapResumed(Required(mapName)), reason, fallbackDelay);

    public static ApplyOutcome Failed(string reason) => new(ApplyOutcomeKind.Failed, Required(reason), null, null);

    public override string ToString() => Reason is null ? Kind.ToString() : Kind + ": " + Reason;

    private static string Required(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }

    private static TimeSpan? NonNegative(TimeSpan? delay)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "A delay cannot be negative.");
        }

        return delay;
    }
}
