using System;

namespace DualWrite.Listener.Recovery;

/// <summary>
/// How the listener notices it may have missed F&amp;O's events and catches up. Section <c>DualWrite:Recovery</c>.
/// F&amp;O gives up on a business event after 3 retries a second apart and only lists it as failed, so a listener that was
/// down (or could not store events) for longer has lost changes that only a catch-up brings back.
/// </summary>
public sealed class RecoveryOptions
{
    public const string SectionName = "DualWrite:Recovery";

    /// <summary>Whether the listener keeps a running marker and catches up by itself after a gap. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the running listener writes its heartbeat into the state store. Default 5 seconds.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A listener whose heartbeat is older than this is taken for dead (killed, crashed, or frozen): the instance that
    /// notices catches up for it. Also the longest gap between this listener's own heartbeats before it catches up for
    /// itself (it was frozen, or the state store refused its writes, and so its events). Default 30 seconds.
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long after a failed catch-up (a side unreachable, say) it is tried again. Default 30 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
