using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.MapStates;

/// <summary>Map run states and loading marks over ADO.NET, in SQL that SQLite and PostgreSQL both run.</summary>
public abstract class RelationalMapStateStore : IMapStateStore
{
    private const string Upsert =
        "INSERT INTO map_states (map_name, state, reason, since) VALUES (@map, @state, @reason, @now) " +
        "ON CONFLICT (map_name) DO UPDATE SET state = excluded.state, reason = excluded.reason, since = excluded.since";

    private readonly StateDatabase database;

    // Resuming a map wakes the events parked until it resumes.
    private readonly IEventInbox inbox;

    protected RelationalMapStateStore(StateDatabase database, IEventInbox inbox)
    {
        this.database = database ?? throw new ArgumentNullException(nameof(database));
        this.inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
    }

    public Task PauseMapAsync(string mapName, string? reason, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "INSERT INTO map_states (map_name, state, reason, since) VALUES (@map, 'Paused', @reason, @now) " +
            "ON CONFLICT (map_name) DO UPDATE SET state = excluded.state, reason = excluded.reason, since = excluded.since WHERE map_states.state <> 'Paused'",
            command =>
            {
                Add(command, "map", mapName);
                Add(command, "reason", reason);
            },
            cancellationToken);

    public async Task<int> ResumeMapAsync(string mapName, CancellationToken cancellationToken)
    {
        await SetMapStateAsync(mapName, MapRunState.CatchingUp, null, cancellationToken).ConfigureAwait(false);
        return await inbox.WakeParkedAsync(InboxWaitKeys.MapResumed(mapName), cancellationToken).ConfigureAwait(false);
    }

    public Task SetMapStateAsync(string mapName, MapRunState state, string? reason, CancellationToken cancellationToken) =>
        database.ExecuteAsync(Upsert, command => BindState(command, mapName, state, reason), cancellationToken);

    public async Task<bool> ChangeMapStateAsync(string mapName, MapRunState from, MapRunState to, string? reason, CancellationToken cancellationToken)
    {
        // Running is also "no row": the insert takes that case, the update the stored one.
        var sql = from == MapRunState.Running
            ? Upsert + " WHERE map_states.state = @from"
            : "UPDATE map_states SET state = @state, reason = @reason, since = @now WHERE map_name = @map AND state = @from";
        var changed = await database.ExecuteAsync(
            sql,
            command =>
            {
                BindState(command, mapName, to, reason);
                Add(command, "from", from.ToString());
            },
            cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }

    public async Task<IReadOnlyList<StoredMapState>> GetMapStatesAsync(CancellationToken cancellationToken)
    {
        var states = new List<StoredMapState>();
        foreach (var row in await ReadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            var loading = row.LoadingRun is not null && row.State is not (MapRunState.Paused or MapRunState.NotRunning);
            states.Add(!loading
                ? new StoredMapState(row.MapName, row.State, row.Reason, row.Since!.Value)
                : Recovery.CatchUpRun.IsCatchUp(row.LoadingRun)
                    ? new StoredMapState(row.MapName, MapRunState.CatchingUp, Recovery.CatchUpRun.Reason(row.LoadingRun!), row.LoadingSince!.Value) { HoldsEvents = true }
                    : new StoredMapState(row.MapName, MapRunState.InitialSync, "initial sync " + row.LoadingRun + " is loading the map", row.LoadingSince!.Value));
        }

        return states;
    }

    public async Task<IReadOnlyList<PausedMap>> GetPausedMapsAsync(CancellationToken cancellationToken)
    {
        var maps = new List<PausedMap>();
        foreach (var state in await GetMapStatesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (state.State is MapRunState.Paused or MapRunState.InitialSync or MapRunState.NotRunning || state.HoldsEvents)
            {
                maps.Add(new PausedMap(state.MapName, state.Reason, state.Since, state.State == MapRunState.NotRunning));
            }
        }

        return maps;
    }

    public Task StartLoadingAsync(string mapName, string runId, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "INSERT INTO loading_maps (map_name, run_id, started_at) VALUES (@map, @run, @now) ON CONFLICT (map_name) DO UPDATE SET run_id = excluded.run_id, started_at = excluded.started_at",
            command =>
            {
                Add(command, "map", mapName);
                Add(command, "run", runId);
            },
            cancellationToken);

    public async Task<int> FinishLoadingAsync(string mapName, CancellationToken cancellationToken)
    {
        var removed = await database.ExecuteAsync("DELETE FROM loading_maps WHERE map_name = @map", command => Add(command, "map", mapName), cancellationToken).ConfigureAwait(false);
        if (removed == 0)
        {
            return 0;
        }

        // A map an operator paused or stopped during the load stays so; any other catches up with what waited.
        await database.ExecuteAsync(
            Upsert + " WHERE map_states.state NOT IN ('Paused','NotRunning')",
            command => BindState(command, mapName, MapRunState.CatchingUp, "initial sync finished"),
            cancellationToken).ConfigureAwait(false);
        return await inbox.WakeParkedAsync(InboxWaitKeys.MapResumed(mapName), cancellationToken).ConfigureAwait(false);
    }

    private static void BindState(System.Data.Common.DbCommand command, string mapName, MapRunState state, string? reason)
    {
        Add(command, "map", mapName);
        Add(command, "state", state.ToString());
        Add(command, "reason", reason);
    }

    /// <summary>Stored states and loading marks, joined by map name (either side may be missing).</summary>
    private async Task<List<(string MapName, MapRunState State, string? Reason, DateTimeOffset? Since, string? LoadingRun, DateTimeOffset? LoadingSince)>> ReadRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(
            connection,
            null,
            "SELECT s.map_name, s.state, s.reason, s.since, l.run_id, l.started_at FROM map_states s LEFT JOIN loading_maps l ON l.map_name = s.map_name " +
            "UNION ALL SELECT l.map_name, NULL, NULL, NULL, l.run_id, l.started_at FROM loading_maps l " +
            "WHERE NOT EXISTS (SELECT 1 FROM map_states s WHERE s.map_name = l.map_name) ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(string, MapRunState, string?, DateTimeOffset?, string?, DateTimeOffset?)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var state = reader.IsDBNull(1) ? MapRunState.Running : Enum.Parse<MapRunState>(reader.GetString(1));
            rows.Add((
                reader.GetString(0),
                state,
                NullableString(reader, 2),
                reader.IsDBNull(3) ? null : FromMs(reader.GetInt64(3)),
                NullableString(reader, 4),
                reader.IsDBNull(5) ? null : FromMs(reader.GetInt64(5))));
        }

        return rows;
    }
}
