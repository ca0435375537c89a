namespace DualWrite.Core.Pausing;

/// <summary>What the plug-in does with a Dataverse save while its map is paused (the step's <c>onPaused</c> setting).</summary>
public enum PausedSaveBehavior
{
    /// <summary>The save fails with a message naming the map and saying it is paused (the default).</summary>
    Refuse,

    /// <summary>The save goes through and its F&amp;O request is queued, to be sent when the map resumes.</summary>
    Queue,
}
