using DualWrite.Listener.StateStore.Postgres;

namespace DualWrite.Listener.ErrorQueue.Postgres;

/// <summary>The error queue in PostgreSQL, shared by every listener instance.</summary>
public sealed class PostgresErrorQueue(PostgresStateDatabase database) : RelationalErrorQueue(database);
