using System.Collections.Generic;
using DualWrite.Listener.StateStore;

namespace DualWrite.Listener.Conflicts;

/// <summary>The conflicts table; its id column is spelled per dialect.</summary>
public static class ConflictSchema
{
    public static IReadOnlyList<string> Statements(SqlDialect dialect) =>
    [
        "CREATE TABLE IF NOT EXISTS conflicts (id " + dialect.IdentityColumn + ", record_key TEXT NOT NULL, map_name TEXT NOT NULL, " +
        "event_id TEXT NULL, fno_json TEXT NOT NULL, dataverse_json TEXT NOT NULL, last_synced_json TEXT NULL, reason TEXT NOT NULL, " +
        "created_at BIGINT NOT NULL, resolved_at BIGINT NULL, resolution TEXT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_conflicts_open ON conflicts (created_at) WHERE resolved_at IS NULL",
    ];
}
