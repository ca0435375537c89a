namespace DualWrite.Core.Pausing;

/// <summary>Where a Dataverse save that has something for F&amp;O goes, given its map's state.</summary>
public enum SaveRoute
{
    /// <summary>Sent to F&amp;O now, inside the save's transaction.</summary>
    WriteThrough,

    /// <summary>Not sent at all: the map is stopped, and a stopped map syncs nothing (as dual-write).</summary>
    Skip,

    /// <summary>The save fails: the map is paused and its step refuses saves meanwhile.</summary>
    Refuse,

    /// <summary>The save goes through and its F&amp;O request is queued for the listener to send later.</summary>
    Queue,
}
