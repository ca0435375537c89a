using System;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Inbox.Postgres;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Inbox;

[Collection(PostgresCollection.Name)]
public sealed class PostgresInboxStoreTests(PostgresServer server) : InboxStoreContract
{
    protected override async Task<IInboxStore> CreateStoreAsync(TimeProvider timeProvider) =>
        new PostgresInboxStore(await server.CreateSchemaAsync(), timeProvider);
}
