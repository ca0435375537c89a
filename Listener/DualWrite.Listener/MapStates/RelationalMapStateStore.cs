using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.MapStates;

/// <summary>Map pause flags over ADO.NET, in SQL that SQLite and PostgreSQL both run.</summary>
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
        await using var command = Command(connection, null, "SELECT map_name, reason, paused_at FROM paused_maps ORDER BY map_name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var maps = new List<PausedMap>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            maps.Add(new PausedMap(reader.GetString(0), NullableString(reader, 1), FromMs(reader.GetInt64(2))));
        }

        return maps;
    }
}
