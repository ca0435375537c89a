using System;

namespace DualWrite.Listener.MapStates;

/// <param name="Stopped">
/// The map is stopped (not running), not paused: its events are dropped rather than parked, since a stopped map is not
/// synced.
/// </param>
public sealed record PausedMap(string MapName, string? Reason, DateTimeOffset PausedAt, bool Stopped = false);
