using DualWrite.Listener.StateStore.Sqlite;

namespace DualWrite.Listener.Bulk.Checkpoints.Sqlite;

/// <summary>Initial sync checkpoints in the SQLite state file.</summary>
public sealed class SqliteSyncCheckpointStore(SqliteStateDatabase database) : RelationalSyncCheckpointStore(database);
