namespace DualWrite.Listener.Inbox;

/// <summary>The state sets the inbox's queries and its partial indexes share (SQLite uses a partial index only for the exact predicate).</summary>
internal static class InboxSql
{
    // Not done yet: these hold a record's later events back.
    public const string ActiveStates = "('Pending','Leased','Parked','Failed')";

    // Candidates for a claim: waiting, or held under a lease that has expired.
    public const string OpenStates = "('Pending','Parked','Leased')";

    // Open events in claim order (due time, then ControlNumber).
    public const string OpenOrderIndex = "ix_inbox_events_open_order";
}
