using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>The error queue (Failed inbox events) over ADO.NET, in SQL that SQLite and PostgreSQL both run.</summary>
public abstract class RelationalErrorQueue : IErrorQueue
{
    private readonly StateDatabase database;

    protected RelationalErrorQueue(StateDatabase database)
    {
        this.database = database ?? throw new ArgumentNullException(nameof(database));
    }

    public async Task<IReadOnlyList<ErrorQueueEntry>> GetErrorQueueAsync(int limit, CancellationToken cancellationToken)
    {
        var failed = await InboxEventRows.QueryAsync(
            database,
            "WHERE state = 'Failed' ORDER BY updated_at, event_id LIMIT @limit",
            command => Add(command, "limit", limit),
            cancellationToken).ConfigureAwait(false);
        var entries = new List<ErrorQueueEntry>(failed.Count);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var e in failed)
        {
            await using var command = Command(connection, null, "SELECT blocked_events FROM error_queue WHERE event_id = @id");
            Add(command, "id", e.EventId);
            var blocked = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            entries.Add(new ErrorQueueEntry(e, blocked));
        }

        return entries;
    }

    public async Task<bool> RetryFailedAsync(string eventId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE inbox_events SET state = 'Pending', attempts = 0, next_attempt_at = @now, updated_at = @now " +
            "WHERE event_id = @id AND state = 'Failed'",
            command => Add(command, "id", eventId),
            cancellationToken,
            notifyWhenChanged: true).ConfigureAwait(false) == 1;

    public async Task<bool> DiscardFailedAsync(string eventId, string reason, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE inbox_events SET state = 'Skipped', completed_at = @now, updated_at = @now, " +
            "last_error = 'Discarded: ' || @reason || ' (failure: ' || COALESCE(last_error, '') || ')' " +
            "WHERE event_id = @id AND state = 'Failed'",
            command =>
            {
                Add(command, "id", eventId);
                Add(command, "reason", reason);
            },
            cancellationToken,
            notifyWhenChanged: true).ConfigureAwait(false) == 1;
}
