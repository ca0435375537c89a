using System.Collections.Generic;

namespace DualWrite.Listener.Inbox;

/// <summary>The inbox_events table and its indexes (same in SQLite and PostgreSQL).</summary>
public static class InboxSchema
{
    public static IReadOnlyList<string> Statements { get; } =
    [
        "CREATE TABLE IF NOT EXISTS inbox_events (" +
        "event_id TEXT NOT NULL PRIMARY KEY, record_key TEXT NOT NULL, entity_set TEXT NOT NULL, entity_key TEXT NOT NULL, " +
        "legal_entity TEXT NOT NULL, operation TEXT NOT NULL, control_number BIGINT NOT NULL, event_time BIGINT NOT NULL, " +
        "body TEXT NOT NULL, receive_count INTEGER NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL, " +
        "next_attempt_at BIGINT NOT NULL, waiting_for TEXT NULL, last_error TEXT NULL, lease_owner TEXT NULL, " +
        "lease_expires_at BIGINT NULL, first_received_at BIGINT NOT NULL, last_received_at BIGINT NOT NULL, " +
        "updated_at BIGINT NOT NULL, completed_at BIGINT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_inbox_events_record ON inbox_events (record_key, control_number, event_id)",
        "CREATE INDEX IF NOT EXISTS ix_inbox_events_due ON inbox_events (state, next_attempt_at)",

        // Partial indexes over unfinished events only, so claims stay fast however much history the inbox
        // keeps. Queries repeat the exact predicate (SQLite uses a partial index only then).
        "CREATE INDEX IF NOT EXISTS ix_inbox_events_open_due ON inbox_events (next_attempt_at) WHERE state IN " + InboxSql.OpenStates,

        // The claim order: a claim walks it and stops after its LIMIT, so its cost does not grow with the backlog.
        "CREATE INDEX IF NOT EXISTS " + InboxSql.OpenOrderIndex + " ON inbox_events (next_attempt_at, control_number) WHERE state IN " + InboxSql.OpenStates,
        "CREATE INDEX IF NOT EXISTS ix_inbox_events_active_record ON inbox_events (record_key, control_number, event_id) WHERE state IN " + InboxSql.ActiveStates,
        "CREATE INDEX IF NOT EXISTS ix_inbox_events_leased_record ON inbox_events (record_key, lease_expires_at) WHERE state = 'Leased'",
        "CREATE INDEX IF NOT EXISTS ix_inbox_events_waiting ON inbox_events (waiting_for) WHERE waiting_for IS NOT NULL",
    ];
}
