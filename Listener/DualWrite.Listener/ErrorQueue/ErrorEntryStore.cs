using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>
/// The error_entries table: the operator's queue, fed from Failed inbox events and bulk record errors by
/// <see cref="SyncAsync"/>, in SQL that SQLite and PostgreSQL both run. Its times come from the database's TimeProvider.
/// </summary>
public sealed class ErrorEntryStore
{
    private const string Columns =
        "e.id, e.source, e.map_name, e.direction, e.record_key, e.reason, e.status_code, e.attempts, e.first_failed_at, e.last_failed_at, " +
        "e.status, e.event_id, e.resolution, e.resolved_at, " +
        "(SELECT COUNT(*) FROM inbox_events b WHERE e.event_id IS NOT NULL AND b.record_key = e.record_key AND b.state IN ('Pending','Leased','Parked') AND b.event_id <> e.event_id)";

    private readonly StateDatabase database;

    public ErrorEntryStore(StateDatabase database)
    {
        this.database = database ?? throw new ArgumentNullException(nameof(database));
    }

    /// <summary>
    /// Takes in what failed since the last sync and settles retried entries: a Failed event not queued yet becomes an
    /// Open entry; a retried one that failed again is Open again with its attempts added; one that reached Applied or
    /// Skipped is Resolved; a bulk record error is added, or counted on the open entry of the same record.
    /// <paramref name="mapOfEntitySet"/> names the map of an F&amp;O entity set.
    /// </summary>
    public async Task SyncAsync(Func<string, string> mapOfEntitySet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapOfEntitySet);
        using var gate = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = database.Now();

        // Retried entries whose event failed again: open again, this round's attempts added.
        await ExecuteAsync(
            connection,
            transaction,
            "UPDATE error_entries SET status = 'Open', " +
            "attempts = attempts + (SELECT i.attempts FROM inbox_events i WHERE i.event_id = error_entries.event_id), " +
            "last_failed_at = (SELECT i.updated_at FROM inbox_events i WHERE i.event_id = error_entries.event_id), " +
            "reason = (SELECT COALESCE(i.last_error, '') FROM inbox_events i WHERE i.event_id = error_entries.event_id) " +
            "WHERE status = 'Retrying' AND EXISTS (SELECT 1 FROM inbox_events i WHERE i.event_id = error_entries.event_id AND i.state = 'Failed')",
            now,
            cancellationToken).ConfigureAwait(false);

        // Entries whose event went on (retried elsewhere, or by this queue): retrying until it settles.
        await ExecuteAsync(
            connection,
            transaction,
            "UPDATE error_entries SET status = 'Retrying' WHERE status = 'Open' AND event_id IS NOT NULL " +
            "AND EXISTS (SELECT 1 FROM inbox_events i WHERE i.event_id = error_entries.event_id AND i.state IN ('Pending','Leased','Parked'))",
            now,
            cancellationToken).ConfigureAwait(false);

        // Settled events: resolved (a purged event counts as settled).
        await ExecuteAsync(
            connection,
            transaction,
            "UPDATE error_entries SET status = 'Resolved', resolved_at = @now, " +
            "resolution = COALESCE((SELECT i.state FROM inbox_events i WHERE i.event_id = error_entries.event_id), 'Settled') || ' after a retry' " +
            "WHERE status IN ('Open','Retrying') AND event_id IS NOT NULL " +
            "AND NOT EXISTS (SELECT 1 FROM inbox_events i WHERE i.event_id = error_entries.event_id AND i.state IN ('Failed','Pending','Leased','Parked'))",
            now,
            cancellationToken).ConfigureAwait(false);

        await AddNewFailedEventsAsync(connection, transaction, mapOfEntitySet, cancellationToken).ConfigureAwait(false);
        await AddNewRecordErrorsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Entries newest failure first; <paramref name="map"/> null for every map; settled ones only when asked.</summary>
    public async Task<IReadOnlyList<ErrorEntry>> ListAsync(string? map, bool includeSettled, int limit, CancellationToken cancellationToken)
    {
        var where = (includeSettled ? "WHERE 1 = 1" : "WHERE e.status IN ('Open','Retrying')") + (map is null ? string.Empty : " AND e.map_name = @map");
        return await QueryAsync(where + " ORDER BY e.last_failed_at DESC, e.id DESC LIMIT @limit", command =>
        {
            Add(command, "map", map);
            Add(command, "limit", limit);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ErrorEntry?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var found = await QueryAsync("WHERE e.id = @id", command => Add(command, "id", id), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Open entries per map (the dashboard's and the map list's failed count).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountOpenByMapAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT map_name, COUNT(*) FROM error_entries WHERE status IN ('Open','Retrying') GROUP BY map_name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>Marks an Open entry Retrying through <paramref name="eventId"/>. False when it is not Open.</summary>
    public async Task<bool> MarkRetryingAsync(long id, string eventId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE error_entries SET status = 'Retrying', event_id = @event WHERE id = @id AND status = 'Open'",
            command =>
            {
                Add(command, "id", id);
                Add(command, "event", eventId);
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Marks an Open entry Discarded with the operator's reason. False when it is not Open.</summary>
    public async Task<bool> MarkDiscardedAsync(long id, string reason, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE error_entries SET status = 'Discarded', resolution = @reason, resolved_at = @now WHERE id = @id AND status = 'Open'",
            command =>
            {
                Add(command, "id", id);
                Add(command, "reason", reason);
            },
            cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Deletes Resolved and Discarded entries settled before <paramref name="settledBefore"/>; open ones stay.</summary>
    public Task<int> PurgeSettledAsync(DateTimeOffset settledBefore, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "DELETE FROM error_entries WHERE status IN ('Resolved','Discarded') AND resolved_at < @before",
            command => Add(command, "before", settledBefore.ToUnixTimeMilliseconds()),
            cancellationToken);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, long now, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        Add(command, "now", now);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task AddNewFailedEventsAsync(DbConnection connection, DbTransaction transaction, Func<string, string> mapOfEntitySet, CancellationToken cancellationToken)
    {
        var found = new List<(string EventId, string EntitySet, string RecordKey, string Reason, int Attempts, long FailedAt)>();
        await using (var select = Command(
            connection,
            transaction,
            "SELECT f.event_id, f.entity_set, f.record_key, COALESCE(f.last_error, ''), f.attempts, f.updated_at FROM inbox_events f " +
            "WHERE f.state = 'Failed' AND NOT EXISTS (SELECT 1 FROM error_entries e WHERE e.event_id = f.event_id)"))
        {
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture), reader.GetInt64(5)));
            }
        }

        foreach (var failed in found)
        {
            await using var insert = Command(
                connection,
                transaction,
                "INSERT INTO error_entries (source, event_id, map_name, direction, record_key, reason, status_code, attempts, first_failed_at, last_failed_at, status) " +
                "VALUES ('Event', @event, @map, 'FinOpsToDataverse', @key, @reason, 0, @attempts, @at, @at, 'Open')");
            Add(insert, "event", failed.EventId);
            Add(insert, "map", mapOfEntitySet(failed.EntitySet));
            Add(insert, "key", failed.RecordKey);
            Add(insert, "reason", failed.Reason);
            Add(insert, "attempts", failed.Attempts);
            Add(insert, "at", failed.FailedAt);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task AddNewRecordErrorsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        long seen;
        await using (var watermark = Command(connection, transaction, "SELECT COALESCE(MAX(last_id), 0) FROM error_entries_fed WHERE source = 'record_errors'"))
        {
            seen = Convert.ToInt64(await watermark.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        var found = new List<(long Id, string Map, string Direction, string Key, string Reason, int Status, long At)>();
        await using (var select = Command(
            connection,
            transaction,
            "SELECT id, map_name, direction, record_key, reason, status_code, created_at FROM record_errors WHERE id > @seen ORDER BY id"))
        {
            Add(select, "seen", seen);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt32(5), reader.GetInt64(6)));
            }
        }

        if (found.Count > 0)
        {
            await using var fed = Command(
                connection,
                transaction,
                "INSERT INTO error_entries_fed (source, last_id) VALUES ('record_errors', @last) ON CONFLICT (source) DO UPDATE SET last_id = @last");
            Add(fed, "last", found[^1].Id);
            await fed.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var error in found)
        {
            // The same record failing again in a later run counts on its open entry.
            await using var update = Command(
                connection,
                transaction,
                "UPDATE error_entries SET attempts = attempts + 1, last_failed_at = @at, reason = @reason, status_code = @status, record_error_id = @id " +
                "WHERE source = 'Bulk' AND status = 'Open' AND map_name = @map AND direction = @direction AND record_key = @key");
            Bind(update, error);
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0)
            {
                continue;
            }

            await using var insert = Command(
                connection,
                transaction,
                "INSERT INTO error_entries (source, record_error_id, map_name, direction, record_key, reason, status_code, attempts, first_failed_at, last_failed_at, status) " +
                "VALUES ('Bulk', @id, @map, @direction, @key, @reason, @status, 1, @at, @at, 'Open')");
            Bind(insert, error);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        static void Bind(DbCommand command, (long Id, string Map, string Direction, string Key, string Reason, int Status, long At) error)
        {
            Add(command, "id", error.Id);
            Add(command, "map", error.Map);
            Add(command, "direction", error.Direction);
            Add(command, "key", error.Key);
            Add(command, "reason", error.Reason);
            Add(command, "status", error.Status);
            Add(command, "at", error.At);
        }
    }

    private async Task<IReadOnlyList<ErrorEntry>> QueryAsync(string whereAndOrder, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT " + Columns + " FROM error_entries e " + whereAndOrder);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<ErrorEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ErrorEntry(
                reader.GetInt64(0),
                Enum.Parse<ErrorSource>(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture),
                FromMs(reader.GetInt64(8)),
                FromMs(reader.GetInt64(9)),
                Enum.Parse<ErrorEntryStatus>(reader.GetString(10)),
                NullableString(reader, 11),
                NullableString(reader, 12),
                reader.IsDBNull(13) ? null : FromMs(reader.GetInt64(13)),
                Convert.ToInt32(reader.GetValue(14), CultureInfo.InvariantCulture)));
        }

        return entries;
    }
}
