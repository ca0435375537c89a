using DualWrite.Listener.StateStore.Postgres;

namespace DualWrite.Listener.SyncState.Postgres;

/// <summary>The last synced values per record in PostgreSQL, shared by every listener instance.</summary>
public sealed class PostgresSyncStateStore(PostgresStateDatabase database) : RelationalSyncStateStore(database);
