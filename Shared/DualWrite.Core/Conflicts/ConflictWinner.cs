namespace DualWrite.Core.Conflicts;

/// <summary>How a field changed on both sides was settled.</summary>
public enum ConflictWinner
{
    FinOps,
    Dataverse,

    /// <summary>Nobody: the record is parked for a person (manual review).</summary>
    None,
}
