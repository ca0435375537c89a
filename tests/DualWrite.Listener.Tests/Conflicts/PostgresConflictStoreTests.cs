using System;
using System.Threading.Tasks;
using DualWrite.Listener.Tests.Support;
using DualWrite.TestSupport;

namespace DualWrite.Listener.Tests.Conflicts;

[Collection(PostgresCollection.Name)]
public sealed class PostgresConflictStoreTests(PostgresServer server) : ConflictStoreContract
{
    protected override async Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        StateStores.Postgres(await server.CreateSchemaAsync(), timeProvider);
}
