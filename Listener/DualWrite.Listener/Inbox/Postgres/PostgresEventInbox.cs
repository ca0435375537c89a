using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.StateStore.Postgres;

namespace DualWrite.Listener.Inbox.Postgres;

/// <summary>
/// The event inbox in PostgreSQL, shared by any number of listener instances; it hears (LISTEN) the work
/// other instances make available.
/// </summary>
public sealed class PostgresEventInbox(PostgresStateDatabase database) : RelationalEventInbox(database), IInboxWakeSource
{
    public Task ListenAsync(Action wake, CancellationToken cancellationToken) => database.ListenAsync(wake, cancellationToken);
}
