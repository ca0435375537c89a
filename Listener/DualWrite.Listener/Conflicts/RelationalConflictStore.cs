using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.Conflicts;

/// <summary>The conflict queue over ADO.NET, in SQL that SQLite and PostgreSQL both run.</summary>
public abstract class RelationalConflictStore : IConflictStore
{
    private readonly StateDatabase database;

    protected RelationalConflictStore(StateDatabase database)
    {
        this.database = database ?? throw new ArgumentNullException(nameof(database));
    }

    public async Task<long> AddConflictAsync(NewConflict conflict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        using var gate = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "INSERT INTO conflicts (record_key, map_name, event_id, fno_json, dataverse_json, last_synced_json, reason, created_at) " +
            "VALUES (@key, @map, @event_id, @finOps, @dataverse, @synced, @reason, @now) RETURNING id");
        Add(command, "key", conflict.RecordKey);
        Add(command, "map", conflict.MapName);
        Add(command, "event_id", conflict.EventId);
        Add(command, "finOps", conflict.FinOpsJson);
        Add(command, "dataverse", conflict.DataverseJson);
        Add(command, "synced", conflict.LastSyncedJson);
        Add(command, "reason", conflict.Reason);
        Add(command, "now", database.Now());
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<ConflictEntry>> GetOpenConflictsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
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

    public async Task<ConflictEntry?> GetConflictAsync(long conflictId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "SELECT id, record_key, map_name, event_id, fno_json, dataverse_json, last_synced_json, reason, created_at, resolved_at, resolution " +
            "FROM conflicts WHERE id = @id");
        Add(command, "id", conflictId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var conflict = new NewConflict(
            reader.GetString(1),
            reader.GetString(2),
            NullableString(reader, 3),
            reader.GetString(4),
            reader.GetString(5),
            NullableString(reader, 6),
            reader.GetString(7));
        return new ConflictEntry(
            reader.GetInt64(0),
            conflict,
            FromMs(reader.GetInt64(8)),
            reader.IsDBNull(9) ? null : FromMs(reader.GetInt64(9)),
            NullableString(reader, 10));
    }

    public async Task<bool> ResolveConflictAsync(long conflictId, string resolution, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "UPDATE conflicts SET resolved_at = @now, resolution = @resolution WHERE id = @id AND resolved_at IS NULL",
            command =>
            {
                Add(command, "id", conflictId);
                Add(command, "resolution", resolution);
            },
            cancellationToken).ConfigureAwait(false) == 1;
}
