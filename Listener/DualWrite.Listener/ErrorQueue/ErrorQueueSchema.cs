using System.Collections.Generic;
using DualWrite.Listener.StateStore;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>The error_queue view over inbox_events (created after it; how a view is created differs per dialect) the record_errors table, and the operator's error_entries queue fed from both.</summary>
public static class ErrorQueueSchema
{
    public static IReadOnlyList<string> Statements(SqlDialect dialect) =>
    [
        dialect.CreateViewPrefix + " error_queue AS SELECT f.event_id, f.record_key, f.entity_set, f.operation, f.control_number, " +
        "f.attempts, f.last_error, f.updated_at AS failed_at, (SELECT COUNT(*) FROM inbox_events b WHERE b.record_key = f.record_key " +
        "AND b.state IN ('Pending','Leased','Parked') AND b.event_id <> f.event_id) AS blocked_events " +
        "FROM inbox_events f WHERE f.state = 'Failed'",
        "CREATE TABLE IF NOT EXISTS record_errors (id " + dialect.IdentityColumn + ", run_id TEXT NOT NULL, map_name TEXT NOT NULL, direction TEXT NOT NULL, " +
        "record_key TEXT NOT NULL, field TEXT NULL, reason TEXT NOT NULL, status_code INTEGER NOT NULL, created_at BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_record_errors_run ON record_errors (run_id, id)",

        // The operator's queue: one row per failed record, fed from the two above, kept until resolved or discarded.
        "CREATE TABLE IF NOT EXISTS error_entries (id " + dialect.IdentityColumn + ", source TEXT NOT NULL, event_id TEXT NULL, " +
        "record_error_id BIGINT NULL, map_name TEXT NOT NULL, direction TEXT NOT NULL, record_key TEXT NOT NULL, reason TEXT NOT NULL, " +
        "status_code INTEGER NOT NULL, attempts INTEGER NOT NULL, first_failed_at BIGINT NOT NULL, last_failed_at BIGINT NOT NULL, " +
        "status TEXT NOT NULL, resolution TEXT NULL, resolved_at BIGINT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_error_entries_event ON error_entries (event_id)",
        "CREATE INDEX IF NOT EXISTS ix_error_entries_status ON error_entries (status, map_name, id)",

        // How far error_entries has taken in record_errors; kept apart so purging entries never re-imports their errors.
        "CREATE TABLE IF NOT EXISTS error_entries_fed (source TEXT NOT NULL PRIMARY KEY, last_id BIGINT NOT NULL)",
    ];
}
