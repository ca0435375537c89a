using System;
using System.Collections.Immutable;
using DualWrite.Emulators.Dataverse.Metadata;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>Where an operation reads (a transaction's working state, or the committed state) and writes.</summary>
internal interface IStateAccess
{
    StoreState State { get; }

    /// <summary>Locks a row before it is read for a write, so no other transaction changes it in between.</summary>
    void LockRow(TableMetadata table, Guid id);

    /// <summary>Inserts or replaces a row; throws when there is no transaction to write in.</summary>
    void Put(TableMetadata table, Guid id, ImmutableDictionary<string, object?> values);

    /// <summary>Deletes a row; throws when there is no transaction to write in.</summary>
    void Remove(TableMetadata table, Guid id);
}
