using System;
using System.Collections.Immutable;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// One row as stored. Immutable: a write replaces the record, so a transaction can be dropped by keeping the
/// old state. Values are private copies and are copied again before they leave the store.
/// </summary>
internal sealed class StoredRecord
{
    public StoredRecord(Guid id, long sequence, ImmutableDictionary<string, object?> values)
    {
        Id = id;
        Sequence = sequence;
        Values = values;
    }

    public Guid Id { get; }

    /// <summary>Insertion order: the last tie-breaker of query ordering, so paging is stable.</summary>
    public long Sequence { get; }

    public ImmutableDictionary<string, object?> Values { get; }

    public long Version => Values.TryGetValue(Metadata.SystemColumns.VersionNumber, out var v) && v is long l ? l : 0;

    public StoredRecord With(ImmutableDictionary<string, object?> values) => new(Id, Sequence, values);
}
