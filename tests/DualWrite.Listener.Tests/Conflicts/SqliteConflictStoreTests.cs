using System;
using System.Threading.Tasks;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Conflicts;

public sealed class SqliteConflictStoreTests : ConflictStoreContract
{
    protected override Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        Task.FromResult(StateStores.InTemporarySqlite(timeProvider));
}
