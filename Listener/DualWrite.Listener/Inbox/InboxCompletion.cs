namespace DualWrite.Listener.Inbox;

/// <summary>One leased event to complete as <paramref name="State"/> (Applied or Skipped), with an optional note.</summary>
public sealed record InboxCompletion(InboxEvent Event, InboxEventState State, string? Note);
