namespace DualWrite.Core.Conflicts;

/// <summary>What happens to one Dataverse column.</summary>
public enum FieldAction
{
    /// <summary>Both sides agree: nothing to write.</summary>
    Unchanged,

    /// <summary>F&amp;O's value is written to Dataverse.</summary>
    WriteToDataverse,

    /// <summary>
    /// Dataverse's value stays. The listener writes only Dataverse: a Dataverse-side value reaches F&amp;O
    /// through the plug-in (which pushed it when it was saved, or will on the next save).
    /// </summary>
    KeepDataverse,
}
