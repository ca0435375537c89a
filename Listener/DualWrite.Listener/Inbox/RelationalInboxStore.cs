using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;

namespace DualWrite.Listener.Inbox;

/// <summary>
/// The inbox over ADO.NET, in SQL that SQLite and PostgreSQL both run, so the two stores share one set of
/// semantics. Subclasses supply connections, the few DDL differences and how claims are serialised.
/// Times are stored as Unix milliseconds (BIGINT) taken from the injected TimeProvider.
/// </summary>
public abstract class RelationalInboxStore : IInboxStore
{
    private const string EventColumns =
        "event_id, record_key, entity_set, entity_key, legal_entity, operation, control_number, event_time, body, " +
        "receive_count, state, attempts, next_attempt_at, waiting_for, last_error, lease_owner, lease_expires_at, " +
        "first_received_at, last_received_at, updated_at, completed_at";

    // Not done yet: these hold a record's later events back.
    private const string ActiveStates = "('Pending','Leased','Parked','Failed')";

    // A record head that nobody holds: no earlier unfinished event, no live lease on the record.
    private const string FreeRecordHead =
        " AND NOT EXISTS (SELECT 1 FROM inbox_events o WHERE o.record_key = e.record_key AND o.state IN " + ActiveStates +
        " AND o.control_number <= e.control_number AND (o.control_number < e.control_number OR o.event_id < e.event_id))" +
        " AND NOT EXISTS (SELECT 1 FROM inbox_events l WHERE l.record_key = e.record_key AND l.state = 'Leased' AND l.lease_expires_at > @now)";

    // Candidates for a claim: waiting, or held under a lease that has expired.
    private const string OpenStates = "('Pending','Parked','Leased')";

    private const string ClaimableState =
        "e.state IN " + OpenStates + " AND (e.state IN ('Pending','Parked') OR (e.state = 'Leased' AND e.lease_expires_at <= @now))";

    private const string ReleaseLease = "lease_owner = NULL, lease_expires_at = NULL";

    // A redelivery counts only when it says what the stored event says. The columns hold every field the
    // worker acts on (the record key is entity set plus key), so existing inboxes need no new column.
    private const string SameContent =
        "WHERE inbox_events.record_key = excluded.record_key AND inbox_events.legal_entity = excluded.legal_entity " +
        "AND inbox_events.operation = excluded.operation AND inbox_events.control_number = excluded.control_number " +
        "AND inbox_events.event_time = excluded.event_time";

    protected RelationalInboxStore(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    protected TimeProvider TimeProvider { get; }

    /// <summary>The DDL, run in order inside <see cref="BeginExclusiveTransactionAsync"/>.</summary>
    protected abstract IReadOnlyList<string> SchemaStatements { get; }

    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that no other claim (in any instance) runs alongside.</summary>
    protected abstract Task<DbTransaction> BeginExclusiveTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>SQL that tells other instances there is new work (PostgreSQL: NOTIFY); null when there are none to tell.</summary>
    protected virtual string? WorkAvailableSql => null;

    /// <summary>Lets a store serialise its writers in-process (SQLite has one writer at a time anyway).</summary>
    protected virtual ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken) => new(NoGate.Instance);

    /// <summary>The common tables; <paramref name="identityColumn"/> and <paramref name="createViewPrefix"/> differ per dialect.</summary>
    protected static IReadOnlyList<string> CommonSchema(string identityColumn, string createViewPrefix) =>
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
        "CREATE INDEX IF NOT EXISTS ix_inbox_events_open_due ON inbox_events (next_attempt_at) WHERE state IN " + OpenStates,
        "CREATE INDEX IF NOT EXISTS ix_inbox_events_active_record ON inbox_events (record_key, control_number, event_id) WHERE state IN " + ActiveStates,
        "CREATE INDEX IF NOT EXISTS ix_inbox_events_leased_record ON inbox_events (record_key, lease_expires_at) WHERE state = 'Leased'",
        "CREATE INDEX IF NOT EXISTS ix_inbox_events_waiting ON inbox_events (waiting_for) WHERE waiting_for IS NOT NULL",
        createViewPrefix + " error_queue AS SELECT f.event_id, f.record_key, f.entity_set, f.operation, f.control_number, " +
        "f.attempts, f.last_error, f.updated_at AS failed_at, (SELECT COUNT(*) FROM inbox_events b WHERE b.record_key = f.record_key " +
        "AND b.state IN ('Pending','Leased','Parked') AND b.event_id <> f.event_id) AS blocked_events " +
        "FROM inbox_events f WHERE f.state = 'Failed'",
        "CREATE TABLE IF NOT EXISTS synced_records (record_key TEXT NOT NULL PRIMARY KEY, fields_json TEXT NOT NULL, " +
        "version BIGINT NOT NULL, updated_at BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS conflicts (id " + identityColumn + ", record_key TEXT NOT NULL, map_name TEXT NOT NULL, " +
        "event_id TEXT NULL, fno_json TEXT NOT NULL, dataverse_json TEXT NOT NULL, last_synced_json TEXT NULL, reason TEXT NOT NULL, " +
        "created_at BIGINT NOT NULL, resolved_at BIGINT NULL, resolution TEXT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_conflicts_open ON conflicts (created_at) WHERE resolved_at IS NULL",
        "CREATE TABLE IF NOT EXISTS paused_maps (map_name TEXT NOT NULL PRIMARY KEY, reason TEXT NULL, paused_at BIGINT NOT NULL)",
    ];

    public virtual async Task InitializeAsync(CancellationToken cancellationToken)
    {
        using var gate = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginExclusiveTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var statement in SchemaStatements)
        {
            await using var command = Command(connection, transaction, statement);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public virtual async Task<ReceiveResult> ReceiveAsync(FnOChangeEvent changeEvent, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changeEvent);
        ArgumentNullException.ThrowIfNull(body);
        using var gate = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var result = await InsertReceivedAsync(connection, null, changeEvent, body, cancellationToken).ConfigureAwait(false);
        if (!result.IsDuplicate)
        {
            await NotifyWorkAvailableAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Stores one received event (or counts a redelivery) on the caller's connection and transaction.</summary>
    protected async Task<ReceiveResult> InsertReceivedAsync(
        DbConnection connection,
        DbTransaction? transaction,
        FnOChangeEvent changeEvent,
        string body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changeEvent);
        ArgumentNullException.ThrowIfNull(body);
        await using var command = Command(
            connection,
            transaction,
            "INSERT INTO inbox_events (event_id, record_key, entity_set, entity_key, legal_entity, operation, control_number, " +
            "event_time, body, receive_count, state, attempts, next_attempt_at, first_received_at, last_received_at, updated_at) " +
            "VALUES (@event_id, @record_key, @entity_set, @entity_key, @legal_entity, @operation, @control_number, @event_time, @body, " +
            "1, 'Pending', 0, @now, @now, @now, @now) " +
            "ON CONFLICT (event_id) DO UPDATE SET receive_count = inbox_events.receive_count + 1, last_received_at = @now " +
            SameContent + " RETURNING receive_count");
        Add(command, "event_id", changeEvent.EventId);
        Add(command, "record_key", changeEvent.ContextRecordSubject);
        Add(command, "entity_set", changeEvent.EntitySet);
        Add(command, "entity_key", changeEvent.EntityKey.ToPredicate());
        Add(command, "legal_entity", changeEvent.LegalEntity);
        Add(command, "operation", changeEvent.Operation.ToString());
        Add(command, "control_number", changeEvent.ControlNumber);
        Add(command, "event_time", new DateTimeOffset(changeEvent.EventTimeUtc, TimeSpan.Zero).ToUnixTimeMilliseconds());
        Add(command, "body", body);
        Add(command, "now", Now());
        var returned = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (returned is not null and not DBNull)
        {
            var count = Convert.ToInt32(returned, CultureInfo.InvariantCulture);
            return new ReceiveResult(count > 1, count);
        }

        // No row returned: the EventId is stored with other content. Report what is stored; change nothing.
        await using var select = Command(connection, transaction, "SELECT " + EventColumns + " FROM inbox_events WHERE event_id = @event_id");
        Add(select, "event_id", changeEvent.EventId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("Event " + changeEvent.EventId + " was neither stored nor found.");
        }

        return ReceiveResult.ReusedEventId(ReadEvent(reader));
    }

    public async Task<IReadOnlyList<InboxEvent>> ClaimAsync(string owner, int maxRecords, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (maxRecords <= 0)
        {
            return [];
        }

        var now = Now();
        using var gate = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginExclusiveTransactionAsync(connection, cancellationToken).ConfigureAwait(false);

        var ids = new List<string>();
        await using (var select = Command(
            connection,
            transaction,
            "SELECT e.event_id FROM inbox_events e WHERE e.next_attempt_at <= @now AND " + ClaimableState + FreeRecordHead +
            " ORDER BY e.next_attempt_at, e.control_number LIMIT @max"))
        {
            Add(select, "now", now);
            Add(select, "max", maxRecords);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetString(0));
            }
        }

        if (ids.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return [];
        }

        var claimed = new List<InboxEvent>(ids.Count);
        await using (var update = Command(
            connection,
            transaction,
            "UPDATE inbox_events SET state = 'Leased', lease_owner = @owner, lease_expires_at = @expires, attempts = attempts + 1, " +
            "updated_at = @now WHERE event_id IN (" + string.Join(", ", ids.Select((_, i) => "@id" + i.ToString(CultureInfo.InvariantCulture))) +
            ") AND " + ClaimableState.Replace("e.", string.Empty, StringComparison.Ordinal) + " RETURNING " + EventColumns))
        {
            Add(update, "owner", owner);
            Add(update, "expires", now + (long)leaseDuration.TotalMilliseconds);
            Add(update, "now", now);
            for (var i = 0; i < ids.Count; i++)
            {
                Add(update, "id" + i.ToString(CultureInfo.InvariantCulture), ids[i]);
            }

            await using var reader = await update.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(ReadEvent(reader));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    public Task<LeaseResult> CompleteAsync(InboxEvent leased, string owner, InboxEventState doneState, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leased);
        if (doneState is not (InboxEventState.Applied or InboxEventState.Skipped))
        {
            throw new ArgumentOutOfRangeException(nameof(doneState), doneState, "An event completes as Applied or Skipped.");
        }

        return UpdateLeasedAsync(
            leased,
            owner,
            "state = @state, " + ReleaseLease + ", waiting_for = NULL, last_error = @note, completed_at = @now",
            command =>
            {
                Add(command, "state", doneState.ToString());
                Add(command, "note", note);
            },
            wake: leased.RecordKey,
            cancellationToken);
    }

    public Task<LeaseResult> RetryLaterAsync(InboxEvent leased, string owner, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken) =>
        UpdateLeasedAsync(
            leased,
            owner,
            "state = 'Pending', " + ReleaseLease + ", waiting_for = NULL, next_attempt_at = @next, last_error = @reason",
            command =>
            {
                Add(command, "next", nextAttemptAt.ToUnixTimeMilliseconds());
                Add(command, "reason", reason);
            },
            wake: null,
            cancellationToken);

    public Task<LeaseResult> ParkAsync(InboxEvent leased, string owner, string waitingFor, DateTimeOffset fallbackAttemptAt, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(waitingFor);
        return UpdateLeasedAsync(
            leased,
            owner,
            "state = 'Parked', " + ReleaseLease + ", waiting_for = @waiting_for, next_attempt_at = @next, last_error = @reason",
            command =>
            {
                Add(command, "waiting_for", waitingFor);
                Add(command, "next", fallbackAttemptAt.ToUnixTimeMilliseconds());
                Add(command, "reason", reason);
            },
            wake: null,
            cancellationToken);
    }

    public Task<LeaseResult> FailAsync(InboxEvent leased, string owner, string reason, CancellationToken cancellationToken) =>
        UpdateLeasedAsync(
            leased,
            owner,
            "state = 'Failed', " + ReleaseLease + ", waiting_for = NULL, last_error = @reason",
            command => Add(command, "reason", reason),
            wake: null,
            cancellationToken);

    public async Task<bool> ReleaseAsync(InboxEvent leased, string owner, CancellationToken cancellationToken)
    {
        var result = await UpdateLeasedAsync(
            leased,
            owner,
            "state = 'Pending', " + ReleaseLease + ", next_attempt_at = @now, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END",
            _ => { },
            wake: null,
            cancellationToken).ConfigureAwait(false);
        return result.LeaseHeld;
    }

    public Task<int> ReleaseAllAsync(string owner, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE inbox_events SET state = 'Pending', " + ReleaseLease + ", next_attempt_at = @now, updated_at = @now, " +
            "attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END WHERE state = 'Leased' AND lease_owner = @owner",
            command => Add(command, "owner", owner),
            cancellationToken);

    public Task<int> WakeParkedAsync(string waitingFor, CancellationToken cancellationToken) =>
        ExecuteAsync(WakeSql, command => Add(command, "wake", waitingFor), cancellationToken, notifyWhenChanged: true);

    public async Task<DateTimeOffset?> GetNextDueTimeAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "SELECT MIN(t) FROM (SELECT e.next_attempt_at AS t FROM inbox_events e WHERE " + ClaimableState + FreeRecordHead +
            " UNION ALL SELECT lease_expires_at AS t FROM inbox_events WHERE state = 'Leased' AND lease_expires_at > @now AND lease_owner <> @owner) due");
        Add(command, "now", Now());
        Add(command, "owner", owner);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : FromMs(Convert.ToInt64(value, CultureInfo.InvariantCulture));
    }

    public async Task<InboxEvent?> GetEventAsync(string eventId, CancellationToken cancellationToken)
    {
        var events = await QueryEventsAsync("WHERE event_id = @id", command => Add(command, "id", eventId), cancellationToken).ConfigureAwait(false);
        return events.Count == 0 ? null : events[0];
    }

    public Task<IReadOnlyList<InboxEvent>> GetRecordEventsAsync(string recordKey, CancellationToken cancellationToken) =>
        QueryEventsAsync("WHERE record_key = @key ORDER BY control_number, event_id", command => Add(command, "key", recordKey), cancellationToken);

    public async Task<IReadOnlyDictionary<InboxEventState, int>> GetStateCountsAsync(CancellationToken cancellationToken)
    {
        var counts = Enum.GetValues<InboxEventState>().ToDictionary(state => state, _ => 0);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT state, COUNT(*) FROM inbox_events GROUP BY state");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[Enum.Parse<InboxEventState>(reader.GetString(0))] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    public async Task<IReadOnlyList<ErrorQueueEntry>> GetErrorQueueAsync(int limit, CancellationToken cancellationToken)
    {
        var failed = await QueryEventsAsync(
            "WHERE state = 'Failed' ORDER BY updated_at, event_id LIMIT @limit",
            command => Add(command, "limit", limit),
            cancellationToken).ConfigureAwait(false);
        var entries = new List<ErrorQueueEntry>(failed.Count);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
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
        await ExecuteAsync(
            "UPDATE inbox_events SET state = 'Pending', attempts = 0, next_attempt_at = @now, updated_at = @now " +
            "WHERE event_id = @id AND state = 'Failed'",
            command => Add(command, "id", eventId),
            cancellationToken,
            notifyWhenChanged: true).ConfigureAwait(false) == 1;

    public async Task<bool> DiscardFailedAsync(string eventId, string reason, CancellationToken cancellationToken) =>
        await ExecuteAsync(
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

    public Task<int> PurgeCompletedAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM inbox_events WHERE state IN ('Applied','Skipped') AND completed_at < @before",
            command => Add(command, "before", completedBefore.ToUnixTimeMilliseconds()),
            cancellationToken);

    public async Task<SyncedRecord?> GetSyncedRecordAsync(string recordKey, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT fields_json, version, updated_at FROM synced_records WHERE record_key = @key");
        Add(command, "key", recordKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new SyncedRecord(recordKey, reader.GetString(0), reader.GetInt64(1), FromMs(reader.GetInt64(2)))
            : null;
    }

    public async Task<bool> SaveSyncedRecordAsync(string recordKey, string fieldsJson, long expectedVersion, CancellationToken cancellationToken)
    {
        var sql = expectedVersion == 0
            ? "INSERT INTO synced_records (record_key, fields_json, version, updated_at) VALUES (@key, @fields, 1, @now) ON CONFLICT (record_key) DO NOTHING"
            : "UPDATE synced_records SET fields_json = @fields, version = version + 1, updated_at = @now WHERE record_key = @key AND version = @version";
        return await ExecuteAsync(
            sql,
            command =>
            {
                Add(command, "key", recordKey);
                Add(command, "fields", fieldsJson);
                Add(command, "version", expectedVersion);
            },
            cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<long> AddConflictAsync(NewConflict conflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        using var gate = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "INSERT INTO conflicts (record_key, map_name, event_id, fno_json, dataverse_json, last_synced_json, reason, created_at) " +
            "VALUES (@key, @map, @event_id, @fno, @dataverse, @synced, @reason, @now) RETURNING id");
        Add(command, "key", conflict.RecordKey);
        Add(command, "map", conflict.MapName);
        Add(command, "event_id", conflict.EventId);
        Add(command, "fno", conflict.FnOJson);
        Add(command, "dataverse", conflict.DataverseJson);
        Add(command, "synced", conflict.LastSyncedJson);
        Add(command, "reason", conflict.Reason);
        Add(command, "now", Now());
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<ConflictEntry>> GetOpenConflictsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "SELECT id, record_key, map_name, event_id, fno_json, dataverse_json, last_synced_json, reason, created_at " +
            "FROM conflicts WHERE resolved_at IS NULL ORDER BY created_at, id LIMIT @limit");
        Add(command, "limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var conflicts = new List<ConflictEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var conflict = new NewConflict(
                reader.GetString(1),
                reader.GetString(2),
                NullableString(reader, 3),
                reader.GetString(4),
                reader.GetString(5),
                NullableString(reader, 6),
                reader.GetString(7));
            conflicts.Add(new ConflictEntry(reader.GetInt64(0), conflict, FromMs(reader.GetInt64(8)), null, null));
        }

        return conflicts;
    }

    public async Task<bool> ResolveConflictAsync(long conflictId, string resolution, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE conflicts SET resolved_at = @now, resolution = @resolution WHERE id = @id AND resolved_at IS NULL",
            command =>
            {
                Add(command, "id", conflictId);
                Add(command, "resolution", resolution);
            },
            cancellationToken).ConfigureAwait(false) == 1;

    public Task PauseMapAsync(string mapName, string? reason, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "INSERT INTO paused_maps (map_name, reason, paused_at) VALUES (@map, @reason, @now) ON CONFLICT (map_name) DO NOTHING",
            command =>
            {
                Add(command, "map", mapName);
                Add(command, "reason", reason);
            },
            cancellationToken);

    public async Task<int> ResumeMapAsync(string mapName, CancellationToken cancellationToken)
    {
        await ExecuteAsync("DELETE FROM paused_maps WHERE map_name = @map", command => Add(command, "map", mapName), cancellationToken).ConfigureAwait(false);
        return await WakeParkedAsync(InboxWaitKeys.MapResumed(mapName), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PausedMap>> GetPausedMapsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT map_name, reason, paused_at FROM paused_maps ORDER BY map_name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var maps = new List<PausedMap>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            maps.Add(new PausedMap(reader.GetString(0), NullableString(reader, 1), FromMs(reader.GetInt64(2))));
        }

        return maps;
    }

    private const string WakeSql =
        "UPDATE inbox_events SET state = 'Pending', waiting_for = NULL, next_attempt_at = @now, updated_at = @now " +
        "WHERE state = 'Parked' AND waiting_for = @wake";

    private async Task<LeaseResult> UpdateLeasedAsync(
        InboxEvent leased,
        string owner,
        string assignments,
        Action<DbCommand> bind,
        string? wake,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leased);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = Now();
        using var gate = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        int updated;
        await using (var command = Command(
            connection,
            transaction,
            "UPDATE inbox_events SET " + assignments + ", updated_at = @now WHERE event_id = @id AND state = 'Leased' AND lease_owner = @owner"))
        {
            Add(command, "id", leased.EventId);
            Add(command, "owner", owner);
            Add(command, "now", now);
            bind(command);
            updated = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var woken = 0;
        if (updated == 1 && wake is not null)
        {
            await using var command = Command(connection, transaction, WakeSql);
            Add(command, "wake", wake);
            Add(command, "now", now);
            woken = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (woken > 0)
        {
            await NotifyWorkAvailableAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return new LeaseResult(updated == 1, woken);
    }

    private async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken, bool notifyWhenChanged = false)
    {
        using var gate = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        int changed;
        await using (var command = Command(connection, null, sql))
        {
            Add(command, "now", Now());
            bind(command);
            changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (notifyWhenChanged && changed > 0)
        {
            await NotifyWorkAvailableAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    // After the commit: a notification is a hint to look, so it must not arrive before the work is visible.
    private async Task NotifyWorkAvailableAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (WorkAvailableSql is { } sql)
        {
            await using var command = Command(connection, null, sql);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<InboxEvent>> QueryEventsAsync(string where, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT " + EventColumns + " FROM inbox_events " + where);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<InboxEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(ReadEvent(reader));
        }

        return events;
    }

    private static InboxEvent ReadEvent(DbDataReader reader) => new()
    {
        EventId = reader.GetString(0),
        RecordKey = reader.GetString(1),
        EntitySet = reader.GetString(2),
        EntityKey = reader.GetString(3),
        LegalEntity = reader.GetString(4),
        Operation = Enum.Parse<ChangeOperation>(reader.GetString(5)),
        ControlNumber = reader.GetInt64(6),
        EventTime = FromMs(reader.GetInt64(7)),
        Body = reader.GetString(8),
        ReceiveCount = Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture),
        State = Enum.Parse<InboxEventState>(reader.GetString(10)),
        Attempts = Convert.ToInt32(reader.GetValue(11), CultureInfo.InvariantCulture),
        NextAttemptAt = FromMs(reader.GetInt64(12)),
        WaitingFor = NullableString(reader, 13),
        LastError = NullableString(reader, 14),
        LeaseOwner = NullableString(reader, 15),
        LeaseExpiresAt = reader.IsDBNull(16) ? null : FromMs(reader.GetInt64(16)),
        FirstReceivedAt = FromMs(reader.GetInt64(17)),
        LastReceivedAt = FromMs(reader.GetInt64(18)),
        UpdatedAt = FromMs(reader.GetInt64(19)),
        CompletedAt = reader.IsDBNull(20) ? null : FromMs(reader.GetInt64(20)),
    };

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private long Now() => TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is built from constants in this class; values always go in parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private sealed class NoGate : IDisposable
    {
        public static readonly NoGate Instance = new();

        public void Dispose()
        {
        }
    }
}
