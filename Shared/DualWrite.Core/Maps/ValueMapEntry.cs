using System;
using DualWrite.Core.Records;

namespace DualWrite.Core.Maps;

/// <summary>One pair of a value map: the F&amp;O literal and the Dataverse literal that mean the same.</summary>
public sealed class ValueMapEntry
{
    public ValueMapEntry(RecordValue finOps, RecordValue dataverse)
    {
        FinOps = finOps ?? throw new ArgumentNullException(nameof(finOps));
        Dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
    }

    public RecordValue FinOps { get; }

    public RecordValue Dataverse { get; }

    /// <summary>The literal on the side values come from when travelling <paramref name="way"/>.</summary>
    public RecordValue SourceFor(SyncDirection way) => way == SyncDirection.FinOpsToDataverse ? FinOps : Dataverse;

    /// <summary>The literal written to the target side when travelling <paramref name="way"/>.</summary>
    public RecordValue TargetFor(SyncDirection way) => way == SyncDirection.FinOpsToDataverse ? Dataverse : FinOps;
}
