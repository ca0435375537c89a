using System;
using DualWrite.Core.Records;

namespace DualWrite.Core.Maps;

/// <summary>One pair of a value map: the F&amp;O literal and the Dataverse literal that mean the same.</summary>
public sealed class ValueMapEntry
{
    public ValueMapEntry(RecordValue fnO, RecordValue dataverse)
    {
        FnO = fnO ?? throw new ArgumentNullException(nameof(fnO));
        Dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
    }

    public RecordValue FnO { get; }

    public RecordValue Dataverse { get; }

    /// <summary>The literal on the side values come from when travelling <paramref name="way"/>.</summary>
    public RecordValue SourceFor(SyncDirection way) => way == SyncDirection.FnOToDataverse ? FnO : Dataverse;

    /// <summary>The literal written to the target side when travelling <paramref name="way"/>.</summary>
    public RecordValue TargetFor(SyncDirection way) => way == SyncDirection.FnOToDataverse ? Dataverse : FnO;
}
