using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.MapStates;

/// <summary>Map pause and loading flags over ADO.NET, in SQL that SQLite and PostgreSQL both run.</summary>
public abstract class RelationalMapStateStore : IMapStateStore
{
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
            "INSERT INTO paused_maps (map_name, reason, paused_at) VALUES (@map, @reason, @now) ON CONFLICT (map_name) DO NOTHING",
            command =>
            {
                Add(command, "map", mapName);
                Add(command, "reason", reason);
            },
            cancellationToken);

    public async Task<int> ResumeMapAsync(string mapName, CancellationToken cancellationToken)
    {
        await database.ExecuteAsync("DELETE FROM paused_maps WHERE map_name = @map", command => Add(command, "map", mapName), cancellationToken).ConfigureAwait(false);
        return await inbox.WakeParkedAsync(InboxWaitKeys.MapResumed(mapName), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PausedMap>> GetPausedMapsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // A map both paused and loading is listed once, with the pause's reason.
        await using var command = Command(
            connection,
            null,
            "SELECT map_name, reason, paused_at FROM paused_maps UNION ALL " +
            "SELECT map_name, 'initial sync ' || run_id || ' is loading the map', started_at FROM loading_maps l " +
            "WHERE NOT EXISTS (SELECT 1 FROM paused_maps p WHERE p.map_name = l.map_name) ORDER BY map_name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var maps = new List<PausedMap>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            maps.Add(new PausedMap(reader.GetString(0), NullableString(reader, 1), FromMs(reader.GetInt64(2))));
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
        await database.ExecuteAsync("DELETE FROM loading_maps WHERE map_name = @map", command => Add(command, "map", mapName), cancellationToken).ConfigureAwait(false);
        return await inbox.WakeParkedAsync(InboxWaitKeys.MapResumed(mapName), cancellationToken).ConfigureAwait(false);
    }
}
