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
}
