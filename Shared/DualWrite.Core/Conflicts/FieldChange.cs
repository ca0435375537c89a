namespace DualWrite.Core.Conflicts;

/// <summary>Which side changed a field since the last sync (three-way comparison against the base).</summary>
public enum FieldChange
{
    /// <summary>Both sides hold the same value (whatever the base).</summary>
    None,

    /// <summary>Only F&amp;O moved away from the base.</summary>
    FinOpsOnly,

    /// <summary>Only Dataverse moved away from the base.</summary>
    DataverseOnly,

    /// <summary>Both moved away from the base, to different values (or there is no base and they differ).</summary>
    Both,
}
