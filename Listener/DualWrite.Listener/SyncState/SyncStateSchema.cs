using System.Collections.Generic;

namespace DualWrite.Listener.SyncState;

/// <summary>The synced_records table (same in SQLite and PostgreSQL).</summary>
public static class SyncStateSchema
{
    public static IReadOnlyList<string> Statements { get; } =
    [
        "CREATE TABLE IF NOT EXISTS synced_records (record_key TEXT NOT NULL PRIMARY KEY, fields_json TEXT NOT NULL, " +
        "version BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
    ];
}
