using System.Collections.Generic;

namespace DualWrite.Listener.MapStates;

/// <summary>
/// The map_states and loading_maps tables (same in SQLite and PostgreSQL). Statements run at every start, so each is
/// idempotent; the first three migrate a store from the paused_maps table (pause flags only) to map_states.
/// </summary>
public static class MapStateSchema
{
    public static IReadOnlyList<string> Statements { get; } =
    [
        "CREATE TABLE IF NOT EXISTS map_states (map_name TEXT NOT NULL PRIMARY KEY, state TEXT NOT NULL, reason TEXT NULL, since BIGINT NOT NULL)",

        // Migration: a store written before map states kept pauses in paused_maps; they become Paused rows. (WHERE true: SQLite needs it to parse an upsert from a SELECT.)
        "CREATE TABLE IF NOT EXISTS paused_maps (map_name TEXT NOT NULL PRIMARY KEY, reason TEXT NULL, paused_at BIGINT NOT NULL)",
        "INSERT INTO map_states (map_name, state, reason, since) SELECT map_name, 'Paused', reason, paused_at FROM paused_maps WHERE true ON CONFLICT (map_name) DO NOTHING",
        "DROP TABLE paused_maps",

        "CREATE TABLE IF NOT EXISTS loading_maps (map_name TEXT NOT NULL PRIMARY KEY, run_id TEXT NOT NULL, started_at BIGINT NOT NULL)",
    ];
}
