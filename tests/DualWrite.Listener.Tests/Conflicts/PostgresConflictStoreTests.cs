using System;
using System.Threading.Tasks;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Conflicts;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConflictStoreTests(PostgresServer server) : ConflictStoreContract
{
    protected override async Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        StateStores.Postgres(await server.CreateSchemaAsync(), timeProvider);
}
