namespace DualWrite.Plugins.WriteThrough;

/// <summary>What a save turns into.</summary>
public enum WriteThroughPlanKind
{
    /// <summary>Nothing to write (tagged, filtered out, nothing mapped changed); the reason is traced.</summary>
    Skip,

    /// <summary>One request to F&amp;O.</summary>
    Send,

    /// <summary>The save must fail before anything is sent (bad data, bad registration); the message is for the user.</summary>
    Fail,
}
