using System;
using DualWrite.Core.Maps;

namespace DualWrite.Core.Conflicts;

/// <summary>A field both sides changed to different values since the last sync, and how it was settled.</summary>
public sealed class FieldConflict
{
    public FieldConflict(FieldVersions versions, ConflictPolicy policy, ConflictWinner winner)
    {
        Versions = versions ?? throw new ArgumentNullException(nameof(versions));
        Policy = policy;
        Winner = winner;
    }

    /// <summary>The base and both sides' values.</summary>
    public FieldVersions Versions { get; }

    public FieldMap Field => Versions.Field;

    public ConflictPolicy Policy { get; }

    public ConflictWinner Winner { get; }

    public override string ToString() =>
        Field.DisplayName + ": base " + FieldVersions.Show(Versions.LastSynced) + ", F&O " + FieldVersions.Show(Versions.FinOps)
        + ", Dataverse " + FieldVersions.Show(Versions.Dataverse) + " -> " + Winner + " (" + Policy + ")";
}
