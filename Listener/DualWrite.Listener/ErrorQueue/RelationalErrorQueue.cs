using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>The error queue (Failed inbox events) and bulk runs' record errors over ADO.NET, in SQL that SQLite and PostgreSQL both run.</summary>
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

    public async Task AddRecordErrorsAsync(IReadOnlyList<RecordError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            return;
        }

        using var gate = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            transaction,
            "INSERT INTO record_errors (run_id, map_name, direction, record_key, field, reason, status_code, created_at) " +
            "VALUES (@run, @map, @direction, @key, @field, @reason, @status, @now)");
        foreach (var name in new[] { "run", "map", "direction", "key", "field", "reason", "status" })
        {
            Add(command, name, null);
        }

        Add(command, "now", database.Now());
        foreach (var error in errors)
        {
            command.Parameters["@run"].Value = error.RunId;
            command.Parameters["@map"].Value = error.Map;
            command.Parameters["@direction"].Value = error.Direction;
            command.Parameters["@key"].Value = error.RecordKey;
            command.Parameters["@field"].Value = (object?)error.Field ?? DBNull.Value;
            command.Parameters["@reason"].Value = error.Reason;
            command.Parameters["@status"].Value = error.StatusCode;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RecordError>> GetRecordErrorsAsync(string? runId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "SELECT run_id, map_name, direction, record_key, field, reason, status_code, created_at FROM record_errors " +
            (runId is null ? string.Empty : "WHERE run_id = @run ") + "ORDER BY id LIMIT @limit");
        Add(command, "run", runId);
        Add(command, "limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var errors = new List<RecordError>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            errors.Add(new RecordError(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), NullableString(reader, 4), reader.GetString(5), reader.GetInt32(6), FromMs(reader.GetInt64(7))));
        }

        return errors;
    }
}
