using System;

namespace DualWrite.Listener.MapStates;

/// <summary>One F&amp;O entity set's unfinished inbox events.</summary>
/// <param name="Waiting">Received and not yet applied: pending, parked or leased.</param>
/// <param name="Failed">In the error queue.</param>
/// <param name="OldestWaitingSince">When the oldest waiting event was first received; null when none waits.</param>
public sealed record MapBacklog(long Waiting, long Failed, DateTimeOffset? OldestWaitingSince)
{
    public static MapBacklog Empty { get; } = new(0, 0, null);
}
