using System;
using DualWrite.Emulators.Dataverse.Metadata;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>A row's final value in a transaction: the record as written, or null when it was deleted.</summary>
internal sealed record RowWrite(TableMetadata Table, Guid Id, StoredRecord? Record);
