using System;
using System.Threading.Tasks;
using DualWrite.Listener.Bulk.Checkpoints;
using DualWrite.Listener.Bulk.Checkpoints.Sqlite;
using DualWrite.Listener.StateStore.Sqlite;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Bulk.Checkpoints;

public sealed class SqliteSyncCheckpointStoreTests : SyncCheckpointStoreContract
{
    protected override ISyncCheckpointStore Checkpoints => new SqliteSyncCheckpointStore((SqliteStateDatabase)Database);

    protected override Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        Task.FromResult(StateStores.InTemporarySqlite(timeProvider));
}
