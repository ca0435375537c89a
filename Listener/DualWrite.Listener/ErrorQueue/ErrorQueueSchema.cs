using System.Collections.Generic;
using DualWrite.Listener.StateStore;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>The error_queue view over inbox_events (created after it); how a view is created differs per dialect.</summary>
public static class ErrorQueueSchema
{
    public static IReadOnlyList<string> Statements(SqlDialect dialect) =>
    [
        dialect.CreateViewPrefix + " error_queue AS SELECT f.event_id, f.record_key, f.entity_set, f.operation, f.control_number, " +
        "f.attempts, f.last_error, f.updated_at AS failed_at, (SELECT COUNT(*) FROM inbox_events b WHERE b.record_key = f.record_key " +
        "AND b.state IN ('Pending','Leased','Parked') AND b.event_id <> f.event_id) AS blocked_events " +
        "FROM inbox_events f WHERE f.state = 'Failed'",
    ];
}
