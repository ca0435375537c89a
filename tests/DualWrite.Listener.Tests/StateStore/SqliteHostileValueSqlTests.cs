using System;
using System.Threading.Tasks;
using DualWrite.Listener.Bulk.Checkpoints;
using DualWrite.Listener.Bulk.Checkpoints.Sqlite;
using DualWrite.Listener.StateStore;
using DualWrite.Listener.StateStore.Sqlite;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.StateStore;

public sealed class SqliteHostileValueSqlTests : HostileValueSqlContract
{
    protected override Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) => Task.FromResult(StateStores.InTemporarySqlite(timeProvider));

    protected override ISyncCheckpointStore CheckpointsOf(StateDatabase database) => new SqliteSyncCheckpointStore((SqliteStateDatabase)database);
}
