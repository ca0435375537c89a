using System.Collections.Generic;

namespace DualWrite.Listener.MapStates;

/// <summary>The paused_maps table (same in SQLite and PostgreSQL).</summary>
public static class MapStateSchema
{
    public static IReadOnlyList<string> Statements { get; } =
    [
        "CREATE TABLE IF NOT EXISTS paused_maps (map_name TEXT NOT NULL PRIMARY KEY, reason TEXT NULL, paused_at BIGINT NOT NULL)",
    ];
}
