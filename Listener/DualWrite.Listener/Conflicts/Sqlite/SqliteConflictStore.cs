using DualWrite.Listener.StateStore.Sqlite;

namespace DualWrite.Listener.Conflicts.Sqlite;

/// <summary>The conflict queue in the SQLite state file.</summary>
public sealed class SqliteConflictStore(SqliteStateDatabase database) : RelationalConflictStore(database);
