using System.Collections.Immutable;

namespace DualWrite.Emulators.Dataverse.Store;

/// <summary>
/// A transaction's writes at one moment: a failed nested request returns to it and so undoes only its own writes
/// (the locks it took stay held until the transaction ends, as in SQL Server).
/// </summary>
internal sealed record StoreSavepoint(StoreVersion Base, StoreState View, ImmutableDictionary<RowKey, RowWrite> Writes);
