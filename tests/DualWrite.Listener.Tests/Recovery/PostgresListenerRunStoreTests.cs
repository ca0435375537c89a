using System;
using System.Threading.Tasks;
using DualWrite.Listener.Tests.Support;
using DualWrite.TestSupport;

namespace DualWrite.Listener.Tests.Recovery;

[Collection(PostgresCollection.Name)]
public sealed class PostgresListenerRunStoreTests(PostgresServer server) : ListenerRunStoreContract
{
    protected override async Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        StateStores.Postgres(await server.CreateSchemaAsync(), timeProvider);
}
