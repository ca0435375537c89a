using System;
using System.Threading.Tasks;
using DualWrite.Listener.Bulk.Checkpoints;
using DualWrite.Listener.Bulk.Checkpoints.Postgres;
using DualWrite.Listener.StateStore.Postgres;
using DualWrite.Listener.Tests.Support;
using DualWrite.TestSupport;

namespace DualWrite.Listener.Tests.Bulk.Checkpoints;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSyncCheckpointStoreTests(PostgresServer server) : SyncCheckpointStoreContract
{
    protected override ISyncCheckpointStore Checkpoints => new PostgresSyncCheckpointStore((PostgresStateDatabase)Database);

    protected override async Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        StateStores.Postgres(await server.CreateSchemaAsync(), timeProvider);
}
