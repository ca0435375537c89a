namespace DualWrite.Listener.MapStates;

/// <summary>
/// The reason given with a map's state change: kept with the state, mirrored into Dataverse's dw_mapstate row and
/// shown in every paused save's message, so it is bounded like a message and refused, not cut, when longer.
/// </summary>
public static class MapReason
{
    public const int MaxLength = 1000;

    /// <summary>Why the reason cannot be kept; null when it can (absent or short enough).</summary>
    public static string? Problem(string? reason) =>
        reason is { Length: > MaxLength }
            ? "The reason is " + reason.Length + " characters long; at most " + MaxLength + " are kept with a map's state."
            : null;
}
