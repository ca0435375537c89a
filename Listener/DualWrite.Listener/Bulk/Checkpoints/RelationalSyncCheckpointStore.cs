using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Maps;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.Bulk.Checkpoints;

/// <summary>Checkpoints over ADO.NET, in SQL that SQLite and PostgreSQL both run.</summary>
public abstract class RelationalSyncCheckpointStore : ISyncCheckpointStore
{
    private const string Columns = "map_name, direction, company, run_id, status, cursor_json, read_count, written_count, failed_count, started_at, updated_at";

    private readonly StateDatabase database;

    protected RelationalSyncCheckpointStore(StateDatabase database)
    {
        this.database = database ?? throw new ArgumentNullException(nameof(database));
    }

    public async Task<SyncCheckpoint?> GetAsync(string map, SyncDirection direction, string company, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(
            "SELECT " + Columns + " FROM sync_checkpoints WHERE map_name = @map AND direction = @direction AND company = @company",
            command =>
            {
                Add(command, "map", map);
                Add(command, "direction", direction.ToString());
                Add(command, "company", company);
            },
            cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<SyncCheckpoint>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT " + Columns + " FROM sync_checkpoints ORDER BY map_name, direction, company", _ => { }, cancellationToken);

    public Task SaveAsync(SyncCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return database.ExecuteAsync(
            "INSERT INTO sync_checkpoints (" + Columns + ") VALUES (@map, @direction, @company, @run, @status, @cursor, @read, @written, @failed, @started, @now) " +
            "ON CONFLICT (map_name, direction, company) DO UPDATE SET run_id = excluded.run_id, status = excluded.status, cursor_json = excluded.cursor_json, " +
            "read_count = excluded.read_count, written_count = excluded.written_count, failed_count = excluded.failed_count, " +
            "started_at = excluded.started_at, updated_at = excluded.updated_at",
            command =>
            {
                Add(command, "map", checkpoint.Map);
                Add(command, "direction", checkpoint.Direction.ToString());
                Add(command, "company", checkpoint.Company);
                Add(command, "run", checkpoint.RunId);
                Add(command, "status", checkpoint.Status.ToString());
                Add(command, "cursor", checkpoint.CursorJson);
                Add(command, "read", checkpoint.Read);
                Add(command, "written", checkpoint.Written);
                Add(command, "failed", checkpoint.Failed);
                Add(command, "started", checkpoint.StartedAt.ToUnixTimeMilliseconds());
            },
            cancellationToken);
    }

    private async Task<IReadOnlyList<SyncCheckpoint>> QueryAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, sql);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<SyncCheckpoint>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new SyncCheckpoint(
                reader.GetString(0),
                Enum.Parse<SyncDirection>(reader.GetString(1)),
                reader.GetString(2),
                reader.GetString(3),
                Enum.Parse<CheckpointStatus>(reader.GetString(4)),
                NullableString(reader, 5),
                reader.GetInt64(6),
                reader.GetInt64(7),
                reader.GetInt64(8),
                FromMs(reader.GetInt64(9)),
                FromMs(reader.GetInt64(10))));
        }

        return found;
    }
}
