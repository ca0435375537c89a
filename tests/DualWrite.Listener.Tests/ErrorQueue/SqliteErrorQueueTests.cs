using System;
using System.Threading.Tasks;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.ErrorQueue;

public sealed class SqliteErrorQueueTests : ErrorQueueContract
{
    protected override Task<StateStores> CreateStoresAsync(TimeProvider timeProvider) =>
        Task.FromResult(StateStores.InTemporarySqlite(timeProvider));
}
