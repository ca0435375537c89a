using DualWrite.Core.Events;
using DualWrite.Listener.Inbox;

namespace DualWrite.Listener.Applying;

/// <summary>One event of a batch: its position in the batch (its outcome's slot), the leased event and the parsed change.</summary>
internal sealed record BatchEntry(int Index, InboxEvent Event, FinOpsChangeEvent Change);
