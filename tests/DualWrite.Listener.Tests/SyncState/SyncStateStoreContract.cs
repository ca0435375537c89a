using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.SyncState;
using DualWrite.Listener.Tests.StateStore;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.SyncState;

/// <summary>The contract every <see cref="DualWrite.Listener.SyncState.ISyncStateStore"/> keeps, run against SQLite and a real PostgreSQL.</summary>
public abstract class SyncStateStoreContract : StateStoreContract
{
    [Fact]
    public async Task Synced_values_are_saved_with_optimistic_versions()
    {
        var key = TestEvents.CustomerKey("A");
        Assert.Null(await SyncState.GetSyncedRecordAsync(key, None));

        Assert.True(await SyncState.SaveSyncedRecordAsync(key, "{\"name\":\"Contoso\"}", 0, None));
        Assert.False(await SyncState.SaveSyncedRecordAsync(key, "{\"name\":\"Other\"}", 0, None));
        var first = await SyncState.GetSyncedRecordAsync(key, None);
        Assert.Equal(new SyncedRecord(key, "{\"name\":\"Contoso\"}", 1, Time.GetUtcNow()), first);

        Assert.True(await SyncState.SaveSyncedRecordAsync(key, "{\"name\":\"Contoso Ltd\"}", 1, None));
        Assert.False(await SyncState.SaveSyncedRecordAsync(key, "{\"name\":\"Stale\"}", 1, None));
        Assert.Equal(2, (await SyncState.GetSyncedRecordAsync(key, None))!.Version);
        Assert.Equal("{\"name\":\"Contoso Ltd\"}", (await SyncState.GetSyncedRecordAsync(key, None))!.FieldsJson);
    }
}
