using System.Collections.Generic;

namespace DualWrite.Listener.Bulk.Checkpoints;

/// <summary>The sync_checkpoints table (same in SQLite and PostgreSQL).</summary>
public static class CheckpointSchema
{
    public static IReadOnlyList<string> Statements { get; } =
    [
        "CREATE TABLE IF NOT EXISTS sync_checkpoints (map_name TEXT NOT NULL, direction TEXT NOT NULL, company TEXT NOT NULL, " +
        "run_id TEXT NOT NULL, status TEXT NOT NULL, cursor_json TEXT NULL, read_count BIGINT NOT NULL, written_count BIGINT NOT NULL, " +
        "failed_count BIGINT NOT NULL, started_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (map_name, direction, company))",
    ];
}
