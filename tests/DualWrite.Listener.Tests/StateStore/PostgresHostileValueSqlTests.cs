using System;
using System.Threading.Tasks;
using DualWrite.Listener.Bulk.Checkpoints;
using DualWrite.Listener.Bulk.Checkpoints.Postgres;
using DualWrite.Listener.StateStore;
using DualWrite.Listener.StateStore.Postgres;
using DualWrite.Listener.Tests.Support;
using DualWrite.TestSupport;

namespace DualWrite.Listener.Tests.StateStore;

[Collection(PostgresCollection.Name)]
public sealed class PostgresHostileValueSqlTests(PostgresServer server) : HostileValueSqlContract
{
    protected override async Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) => StateStores.Postgres(await server.CreateSchemaAsync(), timeProvider);

    protected override ISyncCheckpointStore CheckpointsOf(StateDatabase database) => new PostgresSyncCheckpointStore((PostgresStateDatabase)database);
}
