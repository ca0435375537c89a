using System.Collections.Generic;

namespace DualWrite.Listener.Receiving;

/// <summary>
/// The body of a 202 for an event acknowledged but not stored (no map syncs it): why, so the sender's log shows it.
/// </summary>
public sealed record ReceiveIgnored(string EventId, string Note, IReadOnlyList<string> Reasons);
