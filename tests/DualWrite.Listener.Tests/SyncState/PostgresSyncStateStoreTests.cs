using System;
using System.Threading.Tasks;
using DualWrite.Listener.Tests.Support;
using DualWrite.TestSupport;

namespace DualWrite.Listener.Tests.SyncState;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSyncStateStoreTests(PostgresServer server) : SyncStateStoreContract
{
    protected override async Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        StateStores.Postgres(await server.CreateSchemaAsync(), timeProvider);
}
