using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.MapStates;

/// <summary>
/// Reads how much each F&amp;O entity set has waiting in the inbox, and how many of its events failed lately: the
/// figures behind map status, catch-up and alerts. Read-only, in SQL SQLite and PostgreSQL both run.
/// </summary>
public sealed class MapBacklogReader(StateDatabase database)
{
    private readonly StateDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Per entity set with unfinished events; sets with none are absent.</summary>
    public async Task<IReadOnlyDictionary<string, MapBacklog>> GetBacklogsAsync(CancellationToken cancellationToken)
    {
        // The predicate repeats the active-record partial index's, so only unfinished events are scanned.
        var sql =
            "SELECT entity_set, SUM(CASE WHEN state = 'Failed' THEN 0 ELSE 1 END), SUM(CASE WHEN state = 'Failed' THEN 1 ELSE 0 END), " +
            "MIN(CASE WHEN state = 'Failed' THEN NULL ELSE first_received_at END) FROM inbox_events WHERE state IN " + InboxSql.ActiveStates +
            " GROUP BY entity_set";
        var backlogs = new Dictionary<string, MapBacklog>(StringComparer.Ordinal);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            backlogs[reader.GetString(0)] = new MapBacklog(
                Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(3) ? null : FromMs(Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return backlogs;
    }

    /// <summary>Per entity set: events that failed for good at or after <paramref name="since"/> and are still in the error queue.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountFailuresSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "SELECT entity_set, COUNT(*) FROM inbox_events WHERE state IN " + InboxSql.ActiveStates + " AND state = 'Failed' AND updated_at >= @since GROUP BY entity_set");
        Add(command, "since", since.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>
    /// Per entity set: waiting events held behind a failed event of their record (they wait for an operator's retry
    /// or discard, not for the map to catch up).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> CountBlockedAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "SELECT e.entity_set, COUNT(*) FROM inbox_events e WHERE e.state IN " + InboxSql.ActiveStates + " AND e.state <> 'Failed' AND EXISTS (" +
            "SELECT 1 FROM inbox_events f WHERE f.state IN " + InboxSql.ActiveStates + " AND f.record_key = e.record_key AND f.state = 'Failed') GROUP BY e.entity_set");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
