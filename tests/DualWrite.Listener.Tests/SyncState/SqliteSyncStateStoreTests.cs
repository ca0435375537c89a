using System;
using System.Threading.Tasks;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.SyncState;

public sealed class SqliteSyncStateStoreTests : SyncStateStoreContract
{
    protected override Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        Task.FromResult(StateStores.InTemporarySqlite(timeProvider));
}
