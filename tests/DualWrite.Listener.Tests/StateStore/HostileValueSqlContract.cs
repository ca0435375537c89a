using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.Bulk.Checkpoints;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.Receiving;
using DualWrite.Listener.StateStore;
using DualWrite.Listener.Tests.Support;

namespace DualWrite.Listener.Tests.StateStore;

/// <summary>
/// Every store's operations with hostile values (quotes, comment markers, a DROP, backslashes, LIKE wildcards,
/// unicode and control characters): the values round-trip unchanged, the tables survive, and no SQL text the
/// stores create (seen through the state store's DiagnosticListener) ever contains a value — they are parameters.
/// </summary>
public abstract class HostileValueSqlContract : IAsyncLifetime, IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string Marker = "HOSTILE-7d1f";

    private readonly ConcurrentQueue<string> statements = new();
    private readonly List<IDisposable> subscriptions = [];
    private StateStores stores = null!;

    /// <summary>A value that breaks any SQL it is pasted into, with the marker that finds it in SQL text.</summary>
    private static string Hostile(string what) => Marker + "-" + what + "'); DROP TABLE inbox_events; -- \" \\ % _ ☃ \u0001 ' OR '1'='1";

    protected abstract Task<StateStores> CreateStoresAsync(TimeProvider timeProvider);

    protected abstract ISyncCheckpointStore CheckpointsOf(StateDatabase database);

    public async Task InitializeAsync()
    {
        subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        stores = await CreateStoresAsync(TimeProvider.System);
        await stores.Database.InitializeAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        stores.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Hostile_values_are_parameters_in_every_store()
    {
        var ct = CancellationToken.None;

        // Inbox: a hostile record key, body and event id.
        var account = Hostile("account");
        var changeEvent = TestEvents.Customer(account, 1, eventId: Hostile("event"));
        var body = TestEvents.Json(changeEvent);
        var received = await stores.Inbox.ReceiveAsync(changeEvent, body, ct);
        var stored = await stores.Inbox.GetEventAsync(changeEvent.EventId, ct);
        Assert.False(received.IsDuplicate);
        Assert.Equal(body, stored!.Body);
        Assert.Equal(changeEvent.ContextRecordSubject, stored.RecordKey);

        // Sync state.
        var recordKey = Hostile("record");
        Assert.True(await stores.SyncState.SaveSyncedRecordAsync(recordKey, "{\"v\":\"" + Marker + "'\"}", 0, ct));
        Assert.Equal(recordKey, (await stores.SyncState.GetSyncedRecordAsync(recordKey, ct))!.RecordKey);
        Assert.Single(await stores.SyncState.GetSyncedRecordsAsync([recordKey, Hostile("other")], ct));

        // Conflicts.
        var conflictId = await stores.Conflicts.AddConflictAsync(
            new NewConflict(recordKey, Hostile("map"), Hostile("conflict-event"), "{}", "{}", null, Hostile("reason")), ct);
        Assert.Equal(Hostile("reason"), (await stores.Conflicts.GetConflictAsync(conflictId, ct))!.Conflict.Reason);
        Assert.True(await stores.Conflicts.ResolveConflictAsync(conflictId, Hostile("resolution"), ct));

        // Map states.
        var map = Hostile("map");
        await stores.MapStates.PauseMapAsync(map, Hostile("pause reason"), ct);
        Assert.Contains(await stores.MapStates.GetPausedMapsAsync(ct), paused => paused.MapName == map);
        await stores.MapStates.ResumeMapAsync(map, ct);

        // Error queue and record errors.
        Assert.False(await stores.ErrorQueue.RetryFailedAsync(Hostile("retry"), ct));
        Assert.False(await stores.ErrorQueue.DiscardFailedAsync(Hostile("discard"), Hostile("discard reason"), ct));
        var runId = Hostile("run");
        await stores.ErrorQueue.AddRecordErrorsAsync([new RecordError(runId, map, "FinOpsToDataverse", recordKey, Hostile("field"), Hostile("error"), 400, DateTimeOffset.UtcNow)], ct);
        Assert.Equal(Hostile("error"), Assert.Single(await stores.ErrorQueue.GetRecordErrorsAsync(runId, 10, ct)).Reason);
        Assert.Empty(await stores.ErrorQueue.GetRecordErrorsAsync(Hostile("no run") + "%", 10, ct));
        await stores.ErrorQueue.GetErrorQueueAsync(10, ct);

        // Bulk checkpoints.
        var checkpoints = CheckpointsOf(stores.Database);
        var now = DateTimeOffset.UtcNow;
        await checkpoints.SaveAsync(new SyncCheckpoint(map, SyncDirection.FinOpsToDataverse, Hostile("company"), runId, CheckpointStatus.Running, "{\"c\":\"" + Marker + "'\"}", 1, 1, 0, now, now), ct);
        Assert.Equal(runId, (await checkpoints.GetAsync(map, SyncDirection.FinOpsToDataverse, Hostile("company"), ct))!.RunId);

        // The replay cache.
        var cache = new StateSignatureReplayCache(stores.Database);
        Assert.True(await cache.TryRecordAsync(System.Text.Encoding.UTF8.GetBytes(Hostile("signature")), now.AddMinutes(5), ct));
        Assert.False(await cache.TryRecordAsync(System.Text.Encoding.UTF8.GetBytes(Hostile("signature")), now.AddMinutes(5), ct));

        // The tables survived, and no statement carried a value.
        Assert.NotNull(await stores.Inbox.GetEventAsync(changeEvent.EventId, ct));
        Assert.True(statements.Count > 20, "Saw only " + statements.Count + " statements: is the state store's DiagnosticListener still there?");
        var carrying = statements.Where(sql => sql.Contains(Marker, StringComparison.Ordinal)).ToList();
        Assert.True(carrying.Count == 0, "SQL text carried a value:\n" + string.Join("\n", carrying));
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == "DualWrite.StateStore")
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is string sql)
        {
            statements.Enqueue(sql);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
