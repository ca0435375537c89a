using System.Collections.Generic;

namespace DualWrite.Listener.MapStates;

/// <summary>The paused_maps and loading_maps tables (same in SQLite and PostgreSQL).</summary>
public static class MapStateSchema
{
    public static IReadOnlyList<string> Statements { get; } =
    [
        "CREATE TABLE IF NOT EXISTS paused_maps (map_name TEXT NOT NULL PRIMARY KEY, reason TEXT NULL, paused_at BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS loading_maps (map_name TEXT NOT NULL PRIMARY KEY, run_id TEXT NOT NULL, started_at BIGINT NOT NULL)",
    ];
}
