using System;
using System.Collections.Immutable;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>The rows of one table plus one unique index per alternate key (normalized key text to id).</summary>
internal sealed record TableState(
    ImmutableDictionary<Guid, StoredRecord> Records,
    ImmutableDictionary<string, ImmutableDictionary<string, Guid>> KeyIndexes)
{
    public static readonly TableState Empty = new(
        ImmutableDictionary<Guid, StoredRecord>.Empty,
        ImmutableDictionary<string, ImmutableDictionary<string, Guid>>.Empty.WithComparers(StringComparer.Ordinal));
}
