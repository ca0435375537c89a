using DualWrite.Listener.StateStore.Postgres;

namespace DualWrite.Listener.Bulk.Checkpoints.Postgres;

/// <summary>Initial sync checkpoints in PostgreSQL, shared by every instance.</summary>
public sealed class PostgresSyncCheckpointStore(PostgresStateDatabase database) : RelationalSyncCheckpointStore(database);
