namespace DualWrite.Listener.Inbox;

/// <summary>What storing a received event did.</summary>
/// <param name="IsDuplicate">The EventId was already in the inbox: only its receive count went up.</param>
/// <param name="ReceiveCount">How many times the event has now been received.</param>
public sealed record ReceiveResult(bool IsDuplicate, int ReceiveCount);
