namespace DualWrite.Core.Conflicts;

/// <summary>The record-level verdict.</summary>
public enum ConflictOutcome
{
    /// <summary>Dataverse already holds what it should (an echo, or Dataverse's values won): write nothing.</summary>
    NothingToWrite,

    /// <summary>Write <see cref="ConflictResolution.ToWrite"/> to Dataverse.</summary>
    Write,

    /// <summary>A field under manual review changed on both sides: park the record with both versions, write nothing.</summary>
    ManualReview,
}
