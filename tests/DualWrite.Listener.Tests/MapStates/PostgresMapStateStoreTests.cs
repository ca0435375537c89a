using System;
using System.Threading.Tasks;
using DualWrite.Listener.Tests.Support;
using DualWrite.TestSupport;

namespace DualWrite.Listener.Tests.MapStates;

[Collection(PostgresCollection.Name)]
public sealed class PostgresMapStateStoreTests(PostgresServer server) : MapStateStoreContract
{
    protected override async Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        StateStores.Postgres(await server.CreateSchemaAsync(), timeProvider);
}
