using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.SyncState;

/// <summary>The field values last synced per record: the base of the applier's three-way merge.</summary>
public interface ISyncStateStore
{
    Task<SyncedRecord?> GetSyncedRecordAsync(string recordKey, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the last synced field values of a record. <paramref name="expectedVersion"/> is the version read
    /// (0: none yet). False when someone saved in between (reread and merge again).
    /// </summary>
    Task<bool> SaveSyncedRecordAsync(string recordKey, string fieldsJson, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>The synced records of those keys that have one (a bulk write's batch), in one query.</summary>
    Task<IReadOnlyList<SyncedRecord>> GetSyncedRecordsAsync(IReadOnlyCollection<string> recordKeys, CancellationToken cancellationToken);

    /// <summary>
    /// Saves many records' values in one transaction, each written over whatever is stored (its version goes up by
    /// one): a bulk write has just made the target hold exactly these values.
    /// </summary>
    Task SaveSyncedRecordsAsync(IReadOnlyList<SyncedRecordWrite> records, CancellationToken cancellationToken);
}
