using System.Linq;
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

    [Fact]
    public async Task A_batch_of_synced_values_is_saved_over_what_is_stored_and_read_back_in_one_call()
    {
        var a = TestEvents.CustomerKey("A");
        var b = TestEvents.CustomerKey("B");
        Assert.True(await SyncState.SaveSyncedRecordAsync(a, "{\"name\":\"Old\"}", 0, None));

        await SyncState.SaveSyncedRecordsAsync([new SyncedRecordWrite(a, "{\"name\":\"A\"}"), new SyncedRecordWrite(b, "{\"name\":\"B\"}")], None);

        var read = (await SyncState.GetSyncedRecordsAsync([a, b, TestEvents.CustomerKey("C"), a], None)).OrderBy(r => r.RecordKey).ToList();
        Assert.Equal([new SyncedRecord(a, "{\"name\":\"A\"}", 2, Time.GetUtcNow()), new SyncedRecord(b, "{\"name\":\"B\"}", 1, Time.GetUtcNow())], read);
        Assert.Empty(await SyncState.GetSyncedRecordsAsync([], None));

        // The single-record save keeps its optimistic versions after a batch.
        Assert.True(await SyncState.SaveSyncedRecordAsync(a, "{\"name\":\"A2\"}", 2, None));
    }
}
