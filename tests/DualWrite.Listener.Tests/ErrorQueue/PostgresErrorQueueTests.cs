using System;
using System.Threading.Tasks;
using DualWrite.Listener.Tests.Support;
using DualWrite.TestSupport;

namespace DualWrite.Listener.Tests.ErrorQueue;

[Collection(PostgresCollection.Name)]
public sealed class PostgresErrorQueueTests(PostgresServer server) : ErrorQueueContract
{
    protected override async Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        StateStores.Postgres(await server.CreateSchemaAsync(), timeProvider);
}
