using System;

namespace DualWrite.Core.Pausing;

/// <summary>
/// The plug-in's rule for a save whose map has a state row (<see cref="MapStateTable"/>). Pure, so the plug-in
/// and its tests share it.
/// </summary>
public static class SaveRouting
{
    /// <param name="state">The row's <see cref="MapStateTable.State"/>; null when the map has no row yet (the
    /// listener never mirrored it): the save is written through, as before map states existed.</param>
    /// <param name="hasQueuedChanges">The row's <see cref="MapStateTable.HasQueuedChanges"/>.</param>
    /// <param name="onPaused">The step's setting.</param>
    public static SaveRoute Decide(string? state, bool hasQueuedChanges, PausedSaveBehavior onPaused)
    {
        if (string.Equals(state, MapStateNames.NotRunning, StringComparison.Ordinal))
        {
            return SaveRoute.Skip;
        }

        if (string.Equals(state, MapStateNames.Paused, StringComparison.Ordinal))
        {
            return onPaused == PausedSaveBehavior.Queue ? SaveRoute.Queue : SaveRoute.Refuse;
        }

        // Running, catching up or loading: live again, but a save must not overtake changes still queued
        // (the same record's older change would land in F&O after it and undo it).
        return hasQueuedChanges ? SaveRoute.Queue : SaveRoute.WriteThrough;
    }
}
