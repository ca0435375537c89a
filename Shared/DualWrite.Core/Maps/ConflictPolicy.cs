namespace DualWrite.Core.Maps;

/// <summary>What wins when both sides changed the same record (or field) since the last sync.</summary>
public enum ConflictPolicy
{
    FinOpsWins,
    DataverseWins,

    /// <summary>Record level, by modification time: Microsoft dual-write's only behaviour.</summary>
    LastWriterWins,

    /// <summary>Concurrent changes to different fields are both kept; the same field falls back to last writer wins.</summary>
    FieldMerge,

    /// <summary>The change is parked for a person to decide.</summary>
    ManualReview,
}
