using DualWrite.Listener.Inbox;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>A permanently failed event and how many later events of its record wait behind it.</summary>
public sealed record ErrorQueueEntry(InboxEvent Event, int BlockedEvents);
