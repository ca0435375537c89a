using System;

namespace DualWrite.Listener.MapStates;

/// <summary>One map as an operator sees it: its state and how far behind it is.</summary>
/// <param name="Name">The map's name, as in its map file.</param>
/// <param name="State">Its run state.</param>
/// <param name="Reason">Why it is in that state (the operator's reason, or the alert that paused it); null when none was given.</param>
/// <param name="Since">When it entered the state; null for a map that has run since it was configured.</param>
/// <param name="Backlog">Events received and not yet applied (waiting, parked or in flight).</param>
/// <param name="Failed">Events in the error queue, each holding its record's later events back.</param>
/// <param name="LagSeconds">Age of the oldest waiting event in seconds; 0 when nothing waits.</param>
public sealed record MapStatus(string Name, MapRunState State, string? Reason, DateTimeOffset? Since, long Backlog, long Failed, double LagSeconds);
