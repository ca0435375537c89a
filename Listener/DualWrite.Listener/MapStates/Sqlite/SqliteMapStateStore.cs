using DualWrite.Listener.Inbox;
using DualWrite.Listener.StateStore.Sqlite;

namespace DualWrite.Listener.MapStates.Sqlite;

/// <summary>Map pause flags in the SQLite state file.</summary>
public sealed class SqliteMapStateStore(SqliteStateDatabase database, IEventInbox inbox) : RelationalMapStateStore(database, inbox);
