using System.Collections.Generic;

namespace DualWrite.Listener.Recovery;

/// <summary>
/// The listener_runs table (same in SQLite and PostgreSQL): one running marker per listener instance, set at start,
/// refreshed by its heartbeat, removed on a clean stop. A marker left behind is an unclean stop.
/// </summary>
public static class ListenerRunSchema
{
    public static IReadOnlyList<string> Statements { get; } =
    [
        "CREATE TABLE IF NOT EXISTS listener_runs (instance TEXT NOT NULL PRIMARY KEY, started_at BIGINT NOT NULL, heartbeat_at BIGINT NOT NULL)",
    ];
}
