using System;

namespace DualWrite.Plugins.Pausing;

/// <summary>A map's row in <c>dw_mapstate</c>, as the plug-in reads it on a save.</summary>
public sealed class MapStateRow
{
    public MapStateRow(Guid id, string? state, string? reason, bool hasQueuedChanges)
    {
        Id = id;
        State = state;
        Reason = reason;
        HasQueuedChanges = hasQueuedChanges;
    }

    public Guid Id { get; }

    /// <summary>The listener's name for the state (<see cref="Core.Pausing.MapStateNames"/>).</summary>
    public string? State { get; }

    /// <summary>Why the operator paused or stopped the map, when they said.</summary>
    public string? Reason { get; }

    public bool HasQueuedChanges { get; }
}
