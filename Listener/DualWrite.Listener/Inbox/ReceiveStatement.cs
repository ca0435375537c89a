using System;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.Inbox;

/// <summary>
/// The insert of a received event, prepared once per connection and transaction and bound again for each event, so a
/// group commit of hundreds of events parses its SQL once.
/// </summary>
internal sealed class ReceiveStatement : IAsyncDisposable
{
    // A redelivery counts only when it says what the stored event says. The columns hold every field the
    // worker acts on (the record key is entity set plus key), so existing inboxes need no new column.
    private const string SameContent =
        "WHERE inbox_events.record_key = excluded.record_key AND inbox_events.legal_entity = excluded.legal_entity " +
        "AND inbox_events.operation = excluded.operation AND inbox_events.control_number = excluded.control_number " +
        "AND inbox_events.event_time = excluded.event_time";

    private const string InsertSql =
        "INSERT INTO inbox_events (event_id, record_key, entity_set, entity_key, legal_entity, operation, control_number, " +
        "event_time, body, receive_count, state, attempts, next_attempt_at, first_received_at, last_received_at, updated_at) " +
        "VALUES (@event_id, @record_key, @entity_set, @entity_key, @legal_entity, @operation, @control_number, @event_time, @body, " +
        "1, 'Pending', 0, @now, @now, @now, @now) " +
        "ON CONFLICT (event_id) DO UPDATE SET receive_count = inbox_events.receive_count + 1, last_received_at = @now " +
        SameContent + " RETURNING receive_count";

    private static readonly string[] ParameterNames =
        ["event_id", "record_key", "entity_set", "entity_key", "legal_entity", "operation", "control_number", "event_time", "body", "now"];

    private readonly DbConnection connection;
    private readonly DbTransaction? transaction;
    private readonly DbCommand insert;
    private bool prepared;

    public ReceiveStatement(DbConnection connection, DbTransaction? transaction)
    {
        this.connection = connection ?? throw new ArgumentNullException(nameof(connection));
        this.transaction = transaction;
        insert = Command(connection, transaction, InsertSql);
        foreach (var name in ParameterNames)
        {
            Add(insert, name, null);
        }
    }

    /// <summary>Stores one event (or counts a redelivery); for an EventId stored with other content, reports what is stored.</summary>
    public async Task<ReceiveResult> StoreAsync(FinOpsChangeEvent changeEvent, string body, long now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changeEvent);
        ArgumentNullException.ThrowIfNull(body);
        var values = insert.Parameters;
        values[0].Value = changeEvent.EventId;
        values[1].Value = changeEvent.ContextRecordSubject;
        values[2].Value = changeEvent.EntitySet;
        values[3].Value = changeEvent.EntityKey.ToPredicate();
        values[4].Value = changeEvent.LegalEntity;
        values[5].Value = changeEvent.Operation.ToString();
        values[6].Value = changeEvent.ControlNumber;
        values[7].Value = new DateTimeOffset(changeEvent.EventTimeUtc, TimeSpan.Zero).ToUnixTimeMilliseconds();
        values[8].Value = body;
        values[9].Value = now;
        if (!prepared)
        {
            await insert.PrepareAsync(cancellationToken).ConfigureAwait(false);
            prepared = true;
        }

        var returned = await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (returned is not null and not DBNull)
        {
            var count = Convert.ToInt32(returned, CultureInfo.InvariantCulture);
            return new ReceiveResult(count > 1, count);
        }

        // No row returned: the EventId is stored with other content. Report what is stored; change nothing.
        await using var select = Command(connection, transaction, "SELECT " + InboxEventRows.Columns + " FROM inbox_events WHERE event_id = @event_id");
        Add(select, "event_id", changeEvent.EventId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("Event " + changeEvent.EventId + " was neither stored nor found.");
        }

        return ReceiveResult.ReusedEventId(InboxEventRows.Read(reader));
    }

    public ValueTask DisposeAsync() => insert.DisposeAsync();
}
