using DualWrite.Listener.Inbox;
using DualWrite.Listener.StateStore.Postgres;

namespace DualWrite.Listener.MapStates.Postgres;

/// <summary>Map pause flags in PostgreSQL, shared by every listener instance.</summary>
public sealed class PostgresMapStateStore(PostgresStateDatabase database, IEventInbox inbox) : RelationalMapStateStore(database, inbox);
