namespace DualWrite.Listener.Inbox;

/// <summary>What recording an outcome for a leased event did.</summary>
/// <param name="LeaseHeld">False when the lease had been taken over by another instance: nothing was recorded.</param>
/// <param name="WokenEvents">Parked events woken because this event's record arrived.</param>
public sealed record LeaseResult(bool LeaseHeld, int WokenEvents);
