using System;

namespace DualWrite.Listener.MapStates;

/// <summary><c>DualWrite:MapStates</c>: how maps' states and backlogs are watched.</summary>
public sealed class MapStateOptions
{
    public const string SectionName = "DualWrite:MapStates";

    /// <summary>
    /// A map's backlog above this many events logs a warning, once per crossing. A paused map has no cap but the disk:
    /// this is the operator's early notice, not a limit.
    /// </summary>
    public long BacklogWarningEvents { get; set; } = 100_000;

    /// <summary>How often backlogs are read: catch-up turns Running, changes made elsewhere reach the observers.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(2);
}
