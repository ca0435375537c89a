using DualWrite.Listener.StateStore.Postgres;

namespace DualWrite.Listener.Conflicts.Postgres;

/// <summary>The conflict queue in PostgreSQL, shared by every listener instance.</summary>
public sealed class PostgresConflictStore(PostgresStateDatabase database) : RelationalConflictStore(database);
