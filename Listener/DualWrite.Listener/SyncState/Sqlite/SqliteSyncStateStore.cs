using DualWrite.Listener.StateStore.Sqlite;

namespace DualWrite.Listener.SyncState.Sqlite;

/// <summary>The last synced values per record in the SQLite state file.</summary>
public sealed class SqliteSyncStateStore(SqliteStateDatabase database) : RelationalSyncStateStore(database);
