using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Listener.StateStore;

namespace DualWrite.Listener.Inbox;

/// <summary>Reading inbox_events rows into <see cref="InboxEvent"/>s (the inbox and the error queue both do).</summary>
internal static class InboxEventRows
{
    public const string Columns =
        "event_id, record_key, entity_set, entity_key, legal_entity, operation, control_number, event_time, body, " +
        "receive_count, state, attempts, next_attempt_at, waiting_for, last_error, lease_owner, lease_expires_at, " +
        "first_received_at, last_received_at, updated_at, completed_at";

    public static async Task<IReadOnlyList<InboxEvent>> QueryAsync(StateDatabase database, string where, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = StateSql.Command(connection, null, "SELECT " + Columns + " FROM inbox_events " + where);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<InboxEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(Read(reader));
        }

        return events;
    }

    public static InboxEvent Read(DbDataReader reader) => new()
    {
        EventId = reader.GetString(0),
        RecordKey = reader.GetString(1),
        EntitySet = reader.GetString(2),
        EntityKey = reader.GetString(3),
        LegalEntity = reader.GetString(4),
        Operation = Enum.Parse<ChangeOperation>(reader.GetString(5)),
        ControlNumber = reader.GetInt64(6),
        EventTime = StateSql.FromMs(reader.GetInt64(7)),
        Body = reader.GetString(8),
        ReceiveCount = Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture),
        State = Enum.Parse<InboxEventState>(reader.GetString(10)),
        Attempts = Convert.ToInt32(reader.GetValue(11), CultureInfo.InvariantCulture),
        NextAttemptAt = StateSql.FromMs(reader.GetInt64(12)),
        WaitingFor = StateSql.NullableString(reader, 13),
        LastError = StateSql.NullableString(reader, 14),
        LeaseOwner = StateSql.NullableString(reader, 15),
        LeaseExpiresAt = reader.IsDBNull(16) ? null : StateSql.FromMs(reader.GetInt64(16)),
        FirstReceivedAt = StateSql.FromMs(reader.GetInt64(17)),
        LastReceivedAt = StateSql.FromMs(reader.GetInt64(18)),
        UpdatedAt = StateSql.FromMs(reader.GetInt64(19)),
        CompletedAt = reader.IsDBNull(20) ? null : StateSql.FromMs(reader.GetInt64(20)),
    };
}
