using System;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Conflicts;

/// <summary>
/// One field's three versions, all in Dataverse terms (what the column holds or would hold): the value
/// last synced (the merge base), F&amp;O's current value mapped to Dataverse, and Dataverse's current value.
/// A null version is unknown (no base yet, or a side that does not carry the field), which is not the
/// same as <see cref="RecordValue.Null"/> (known to be empty).
/// </summary>
public sealed class FieldVersions
{
    public FieldVersions(FieldMap field, RecordValue? lastSynced, RecordValue? finOps, RecordValue? dataverse)
    {
        Field = field ?? throw new ArgumentNullException(nameof(field));
        LastSynced = lastSynced;
        FinOps = finOps;
        Dataverse = dataverse;
    }

    public FieldMap Field { get; }

    /// <summary>The value both sides agreed on at the last sync; null when there is none.</summary>
    public RecordValue? LastSynced { get; }

    /// <summary>The current F&amp;O value mapped to Dataverse terms; null when F&amp;O does not send this field.</summary>
    public RecordValue? FinOps { get; }

    /// <summary>The current Dataverse value; null when the Dataverse record does not exist (or was not read).</summary>
    public RecordValue? Dataverse { get; }

    public override string ToString() => Field.DisplayName + ": base " + Show(LastSynced) + ", F&O " + Show(FinOps) + ", Dataverse " + Show(Dataverse);

    internal static string Show(RecordValue? value) => value is null ? "(unknown)" : value.IsNull ? "null" : "'" + value + "'";
}
