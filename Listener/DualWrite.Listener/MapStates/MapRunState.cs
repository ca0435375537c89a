namespace DualWrite.Listener.MapStates;

/// <summary>
/// Where a map is in its life, as dual-write names the states. Stored by name, so the tables stay readable.
/// A map the store has never seen is <see cref="Running"/>: maps run from the moment they are configured.
/// </summary>
public enum MapRunState
{
    /// <summary>Stopped by an operator: its changes are not synced (events for it are acknowledged and dropped).</summary>
    NotRunning = 0,

    /// <summary>An initial sync is loading the map; live events wait until it finishes.</summary>
    InitialSync = 1,

    /// <summary>Live changes are applied as they arrive.</summary>
    Running = 2,

    /// <summary>Events keep being received and stored, nothing is applied until the map is resumed.</summary>
    Paused = 3,

    /// <summary>Resumed (or loaded): the backlog drains in order; the map turns <see cref="Running"/> by itself when it is empty.</summary>
    CatchingUp = 4,
}
