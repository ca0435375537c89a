using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.Inbox;

/// <summary>
/// The event inbox over ADO.NET, in SQL that SQLite and PostgreSQL both run, so the two share one set of
/// semantics. The database supplies connections and how claims are serialised.
/// </summary>
public abstract class RelationalEventInbox : IEventInbox
{
    private const string EventColumns = InboxEventRows.Columns;

    private const string ActiveStates = InboxSql.ActiveStates;

    // A record head that nobody holds: no earlier unfinished event, no live lease on the record.
    private const string FreeRecordHead =
        " AND NOT EXISTS (SELECT 1 FROM inbox_events o WHERE o.record_key = e.record_key AND o.state IN " + ActiveStates +
        " AND o.control_number <= e.control_number AND (o.control_number < e.control_number OR o.event_id < e.event_id))" +
        " AND NOT EXISTS (SELECT 1 FROM inbox_events l WHERE l.record_key = e.record_key AND l.state = 'Leased' AND l.lease_expires_at > @now)";

    private const string OpenStates = InboxSql.OpenStates;

    private const string ClaimableState =
        "e.state IN " + OpenStates + " AND (e.state IN ('Pending','Parked') OR (e.state = 'Leased' AND e.lease_expires_at <= @now))";

    private const string ReleaseLease = "lease_owner = NULL, lease_expires_at = NULL";

    /// <summary>Ids bound per renewal statement: well under SQLite's parameter limit.</summary>
    private const int RenewalsPerStatement = 500;

    protected RelationalEventInbox(StateDatabase database)
    {
        Database = database ?? throw new ArgumentNullException(nameof(database));
    }

    protected StateDatabase Database { get; }

    /// <summary>
    /// Makes the claim and next-due queries walk the open events in claim order and stop at their limit; without it a
    /// planner lacking statistics may sort every open event on each claim, a cost that grows with the backlog.
    /// </summary>
    protected virtual string OpenOrderIndexHint => string.Empty;

    public virtual async Task<ReceiveResult> ReceiveAsync(FinOpsChangeEvent changeEvent, string body, CancellationToken cancellationToken)
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
        FinOpsChangeEvent changeEvent,
        string body,
        CancellationToken cancellationToken)
    {
        await using var statement = new ReceiveStatement(connection, transaction);
        return await statement.StoreAsync(changeEvent, body, Now(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores received events (or counts redeliveries) on the caller's connection and transaction, one statement
    /// prepared for all of them; one result per event, in order.
    /// </summary>
    protected async Task<ReceiveResult[]> InsertReceivedManyAsync(
        DbConnection connection,
        DbTransaction? transaction,
        IReadOnlyList<(FinOpsChangeEvent Event, string Body)> received,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(received);
        var results = new ReceiveResult[received.Count];
        var now = Now();
        await using var statement = new ReceiveStatement(connection, transaction);
        for (var i = 0; i < received.Count; i++)
        {
            results[i] = await statement.StoreAsync(received[i].Event, received[i].Body, now, cancellationToken).ConfigureAwait(false);
        }

        return results;
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
        await using var connection = await OpenLeaseConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginExclusiveTransactionAsync(connection, cancellationToken).ConfigureAwait(false);

        var ids = new List<string>();
        await using (var select = Command(
            connection,
            transaction,
            "SELECT e.event_id FROM inbox_events e" + OpenOrderIndexHint + " WHERE e.next_attempt_at <= @now AND " + ClaimableState + FreeRecordHead +
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

    public async Task<IReadOnlyList<LeaseResult>> CompleteManyAsync(IReadOnlyList<InboxCompletion> completions, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completions);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (completions.Any(c => c.State is not (InboxEventState.Applied or InboxEventState.Skipped)))
        {
            throw new ArgumentOutOfRangeException(nameof(completions), "An event completes as Applied or Skipped.");
        }

        var results = new LeaseResult[completions.Count];
        if (completions.Count == 0)
        {
            return results;
        }

        // One transaction for the batch: a commit per event would cost more than the bulk write it records.
        var now = Now();
        var totalWoken = 0;
        using var gate = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenLeaseConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Two statements bound again per event: a batch parses its SQL once, not twice per event.
        await using var complete = Command(
            connection,
            transaction,
            "UPDATE inbox_events SET state = @state, " + ReleaseLease + ", waiting_for = NULL, last_error = @note, completed_at = @now, updated_at = @now " +
            "WHERE event_id = @id AND state = 'Leased' AND lease_owner = @owner");
        Add(complete, "id", null);
        Add(complete, "owner", owner);
        Add(complete, "now", now);
        Add(complete, "state", null);
        Add(complete, "note", null);
        await using var wake = Command(connection, transaction, WakeSql);
        Add(wake, "wake", null);
        Add(wake, "now", now);
        for (var i = 0; i < completions.Count; i++)
        {
            var completion = completions[i];
            complete.Parameters["@id"].Value = completion.Event.EventId;
            complete.Parameters["@state"].Value = completion.State.ToString();
            complete.Parameters["@note"].Value = (object?)completion.Note ?? DBNull.Value;
            var updated = await complete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            var woken = 0;
            if (updated == 1)
            {
                wake.Parameters["@wake"].Value = completion.Event.RecordKey;
                woken = await wake.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            totalWoken += woken;
            results[i] = new LeaseResult(updated == 1, woken);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (totalWoken > 0)
        {
            await NotifyWorkAvailableAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return results;
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

    public async Task<IReadOnlySet<string>> RenewLeasesAsync(IReadOnlyCollection<string> eventIds, string owner, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (eventIds.Count == 0)
        {
            return held;
        }

        // Only the owner's own Leased rows move: a lease another instance took over (or an outcome already recorded)
        // stays as it is, and its id is missing from the answer. Claims are serialised with this update, so a lease
        // that expired but was not taken yet is simply ours again.
        var now = Now();
        using var gate = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenLeaseConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in eventIds.Distinct(StringComparer.Ordinal).Chunk(RenewalsPerStatement))
        {
            var names = string.Join(", ", chunk.Select((_, i) => "@e" + i.ToString(CultureInfo.InvariantCulture)));
            await using var command = Command(
                connection,
                transaction,
                "UPDATE inbox_events SET lease_expires_at = @until, updated_at = @now WHERE state = 'Leased' AND lease_owner = @owner AND event_id IN (" + names + ") RETURNING event_id");
            Add(command, "until", now + (long)leaseDuration.TotalMilliseconds);
            Add(command, "now", now);
            Add(command, "owner", owner);
            for (var i = 0; i < chunk.Length; i++)
            {
                Add(command, "e" + i.ToString(CultureInfo.InvariantCulture), chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                held.Add(reader.GetString(0));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return held;
    }

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
            "SELECT MIN(t) FROM (SELECT h.t FROM (SELECT e.next_attempt_at AS t FROM inbox_events e" + OpenOrderIndexHint + " WHERE " + ClaimableState + FreeRecordHead +
            " ORDER BY e.next_attempt_at, e.control_number LIMIT 1) h" +
            " UNION ALL SELECT lease_expires_at AS t FROM inbox_events WHERE state = 'Leased' AND lease_expires_at > @now AND lease_owner <> @owner) due");
        Add(command, "now", Now());
        Add(command, "owner", owner);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : StateSql.FromMs(Convert.ToInt64(value, CultureInfo.InvariantCulture));
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

    public Task<int> PurgeCompletedAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "DELETE FROM inbox_events WHERE state IN ('Applied','Skipped') AND completed_at < @before",
            command => Add(command, "before", completedBefore.ToUnixTimeMilliseconds()),
            cancellationToken);

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
        await using var connection = await OpenLeaseConnectionAsync(cancellationToken).ConfigureAwait(false);
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

    private Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken, bool notifyWhenChanged = false) =>
        Database.ExecuteAsync(sql, bind, cancellationToken, notifyWhenChanged);

    private Task NotifyWorkAvailableAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Database.NotifyWorkAvailableAsync(connection, cancellationToken);

    private Task<IReadOnlyList<InboxEvent>> QueryEventsAsync(string where, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        InboxEventRows.QueryAsync(Database, where, bind, cancellationToken);

    private static InboxEvent ReadEvent(DbDataReader reader) => InboxEventRows.Read(reader);

    private long Now() => Database.Now();

    private ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken) => Database.EnterWriteAsync(cancellationToken);

    private ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => Database.OpenConnectionAsync(cancellationToken);

    /// <summary>
    /// A connection for the worker's lease bookkeeping (claims and outcomes). Unlike a receive, losing the last of these
    /// in a power cut costs at most a repeated apply (the event is claimed again), never an acknowledged event, so a
    /// database may commit them without waiting for the disk.
    /// </summary>
    private async ValueTask<DbConnection> OpenLeaseConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RelaxCommitDurabilityAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Lets this connection's next commits skip waiting for the disk (see <see cref="OpenLeaseConnectionAsync"/>); default: unchanged.</summary>
    protected virtual Task RelaxCommitDurabilityAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    private Task<DbTransaction> BeginExclusiveTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Database.BeginExclusiveTransactionAsync(connection, cancellationToken);
}
