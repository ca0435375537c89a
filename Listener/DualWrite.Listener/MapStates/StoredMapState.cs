using System;

namespace DualWrite.Listener.MapStates;

/// <summary>
/// A map's state as the store has it; maps it has no row for are <see cref="MapRunState.Running"/>. A map an initial
/// sync is loading reads <see cref="MapRunState.InitialSync"/> unless an operator paused or stopped it.
/// </summary>
public sealed record StoredMapState(string MapName, MapRunState State, string? Reason, DateTimeOffset Since)
{
    /// <summary>
    /// A catch-up after downtime holds the map (read as <see cref="MapRunState.CatchingUp"/>): its events wait, as for an
    /// initial sync.
    /// </summary>
    public bool HoldsEvents { get; init; }
}
