namespace DualWrite.Listener.Conflicts;

/// <summary>How a person settles a conflict (<c>--take fno|dataverse|merged</c>).</summary>
public enum ConflictTake
{
    /// <summary>F&amp;O's current record wins: every differing field is written to Dataverse.</summary>
    FinOps,

    /// <summary>Dataverse's current record wins: every differing field is written to F&amp;O.</summary>
    Dataverse,

    /// <summary>
    /// Both sides' changes since the last sync are kept: the fields Dataverse changed go to F&amp;O, then every other field
    /// takes F&amp;O's value. A field both sides changed keeps Dataverse's value (the edit a person made there).
    /// </summary>
    Merged,
}
