namespace DualWrite.Listener.Inbox;

/// <summary>What storing a received event did.</summary>
/// <param name="IsDuplicate">The EventId was already in the inbox: only its receive count went up (or, for a
/// reused EventId, nothing changed).</param>
/// <param name="ReceiveCount">How many times the event has now been received.</param>
public sealed record ReceiveResult(bool IsDuplicate, int ReceiveCount)
{
    /// <summary>
    /// Set when the EventId is already stored with different content (record, company, operation, control
    /// number or time): the stored event, left as it was. The delivery was neither stored nor counted.
    /// </summary>
    public InboxEvent? StoredWithOtherContent { get; init; }

    public static ReceiveResult ReusedEventId(InboxEvent stored)
    {
        System.ArgumentNullException.ThrowIfNull(stored);
        return new(true, stored.ReceiveCount) { StoredWithOtherContent = stored };
    }
}
