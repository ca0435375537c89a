using System;
using System.Threading.Tasks;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.MapStates;

public sealed class SqliteMapStateStoreTests : MapStateStoreContract
{
    protected override Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        Task.FromResult(StateStores.InTemporarySqlite(timeProvider));
}
