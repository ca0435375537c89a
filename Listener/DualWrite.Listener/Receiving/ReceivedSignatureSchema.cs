using System.Collections.Generic;

namespace DualWrite.Listener.Receiving;

/// <summary>The received_signatures table: the replay cache (same in SQLite and PostgreSQL).</summary>
public static class ReceivedSignatureSchema
{
    public static IReadOnlyList<string> Statements { get; } =
    [
        "CREATE TABLE IF NOT EXISTS received_signatures (signature TEXT NOT NULL PRIMARY KEY, forget_after BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_received_signatures_forget ON received_signatures (forget_after)",
    ];
}
