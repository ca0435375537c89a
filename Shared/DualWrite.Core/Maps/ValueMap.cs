using System;
using System.Collections.Generic;
using DualWrite.Core.Records;

namespace DualWrite.Core.Maps;

/// <summary>
/// An exhaustive table between F&amp;O values (enum symbols or numbers) and Dataverse values (choices,
/// booleans, ...). A source value without an entry is an error unless a default is declared for the
/// target side.
/// </summary>
public sealed class ValueMap
{
    public ValueMap(IReadOnlyList<ValueMapEntry> entries, RecordValue? defaultToFinOps = null, RecordValue? defaultToDataverse = null)
    {
        Entries = entries ?? throw new ArgumentNullException(nameof(entries));
        DefaultToFinOps = defaultToFinOps;
        DefaultToDataverse = defaultToDataverse;
    }

    public IReadOnlyList<ValueMapEntry> Entries { get; }

    /// <summary>Written to F&amp;O for a Dataverse value with no entry; null when there is none (then it is an error).</summary>
    public RecordValue? DefaultToFinOps { get; }

    /// <summary>Written to Dataverse for an F&amp;O value with no entry; null when there is none (then it is an error).</summary>
    public RecordValue? DefaultToDataverse { get; }

    public RecordValue? DefaultFor(SyncDirection way) => way == SyncDirection.FinOpsToDataverse ? DefaultToDataverse : DefaultToFinOps;
}
