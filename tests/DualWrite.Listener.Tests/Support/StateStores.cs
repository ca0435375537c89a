using System;
using System.IO;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.Conflicts.Postgres;
using DualWrite.Listener.Conflicts.Sqlite;
using DualWrite.Listener.ErrorQueue;
using DualWrite.Listener.ErrorQueue.Postgres;
using DualWrite.Listener.ErrorQueue.Sqlite;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Inbox.Postgres;
using DualWrite.Listener.Inbox.Sqlite;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.MapStates.Postgres;
using DualWrite.Listener.MapStates.Sqlite;
using DualWrite.Listener.StateStore;
using DualWrite.Listener.StateStore.Postgres;
using DualWrite.Listener.StateStore.Sqlite;
using DualWrite.Listener.SyncState;
using DualWrite.Listener.SyncState.Postgres;
using DualWrite.Listener.SyncState.Sqlite;

namespace DualWrite.Listener.Tests.Support;

/// <summary>One state database and every store over it, as the listener's DI builds them; disposed together.</summary>
public sealed class StateStores : IDisposable
{
    private readonly Action dispose;

    private StateStores(StateDatabase database, IEventInbox inbox, ISyncStateStore syncState, IConflictStore conflicts, IMapStateStore mapStates, IErrorQueue errorQueue, Action dispose)
    {
        Database = database;
        Inbox = inbox;
        SyncState = syncState;
        Conflicts = conflicts;
        MapStates = mapStates;
        ErrorQueue = errorQueue;
        this.dispose = dispose;
    }

    public StateDatabase Database { get; }

    public IEventInbox Inbox { get; }

    public ISyncStateStore SyncState { get; }

    public IConflictStore Conflicts { get; }

    public IMapStateStore MapStates { get; }

    public IErrorQueue ErrorQueue { get; }

    /// <summary>The stores in a SQLite file at <paramref name="path"/>; <paramref name="owned"/> is disposed after them.</summary>
    public static StateStores Sqlite(string path, TimeProvider timeProvider, IDisposable? owned = null)
    {
        var database = new SqliteStateDatabase(path, timeProvider);
        var inbox = new SqliteEventInbox(database);
        return new StateStores(
            database,
            inbox,
            new SqliteSyncStateStore(database),
            new SqliteConflictStore(database),
            new SqliteMapStateStore(database, inbox),
            new SqliteErrorQueue(database),
            () =>
            {
                inbox.Dispose();
                database.Dispose();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                owned?.Dispose();
            });
    }

    /// <summary>The stores in a fresh temporary directory's inbox.db, deleted at dispose.</summary>
    public static StateStores InTemporarySqlite(TimeProvider timeProvider)
    {
        var directory = new TempDirectory();
        return Sqlite(Path.Combine(directory.Path, "inbox.db"), timeProvider, directory);
    }

    public static StateStores Postgres(string connectionString, TimeProvider timeProvider)
    {
        var database = new PostgresStateDatabase(connectionString, timeProvider);
        var inbox = new PostgresEventInbox(database);
        return new StateStores(
            database,
            inbox,
            new PostgresSyncStateStore(database),
            new PostgresConflictStore(database),
            new PostgresMapStateStore(database, inbox),
            new PostgresErrorQueue(database),
            database.Dispose);
    }

    public void Dispose() => dispose();
}
