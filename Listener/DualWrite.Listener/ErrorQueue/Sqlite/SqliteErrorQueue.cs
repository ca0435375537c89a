using DualWrite.Listener.StateStore.Sqlite;

namespace DualWrite.Listener.ErrorQueue.Sqlite;

/// <summary>The error queue in the SQLite state file.</summary>
public sealed class SqliteErrorQueue(SqliteStateDatabase database) : RelationalErrorQueue(database);
