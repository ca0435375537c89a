using System;
using System.IO;
using System.Threading.Tasks;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.Recovery;

public sealed class SqliteListenerRunStoreTests : ListenerRunStoreContract
{
    private readonly TempDirectory directory = new();

    protected override Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        Task.FromResult(StateStores.Sqlite(Path.Combine(directory.Path, "state.db"), timeProvider, directory));
}
