using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.StateStore;
using static DualWrite.Listener.StateStore.StateSql;

namespace DualWrite.Listener.Recovery;

/// <summary>The running markers over ADO.NET, in SQL that SQLite and PostgreSQL both run.</summary>
public sealed class ListenerRunStore
{
    private readonly StateDatabase _database;

    public ListenerRunStore(StateDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    /// <summary>
    /// Sets this instance's marker, started and alive now. Returns the marker it replaced: one left by an earlier run under
    /// the same instance name, which therefore did not stop cleanly.
    /// </summary>
    public async Task<ListenerRun?> StartAsync(string instance, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instance);
        var earlier = await GetAsync(instance, cancellationToken).ConfigureAwait(false);
        await _database.ExecuteAsync(
            "INSERT INTO listener_runs (instance, started_at, heartbeat_at) VALUES (@instance, @now, @now) " +
            "ON CONFLICT (instance) DO UPDATE SET started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at",
            command => Add(command, "instance", instance),
            cancellationToken).ConfigureAwait(false);
        return earlier;
    }

    /// <summary>
    /// Refreshes this instance's heartbeat. False when its marker was gone (another instance took it for dead and caught up
    /// for it); the marker is set again.
    /// </summary>
    public async Task<bool> HeartbeatAsync(string instance, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instance);
        var updated = await _database.ExecuteAsync(
            "UPDATE listener_runs SET heartbeat_at = @now WHERE instance = @instance",
            command => Add(command, "instance", instance),
            cancellationToken).ConfigureAwait(false);
        if (updated == 1)
        {
            return true;
        }

        await StartAsync(instance, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Takes over the markers of other instances whose heartbeat is older than <paramref name="staleBefore"/>: each is
    /// removed by exactly one caller (the delete names the heartbeat it read), who then catches up for it.
    /// </summary>
    public async Task<IReadOnlyList<ListenerRun>> AdoptStaleAsync(string instance, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(instance);
        var adopted = new List<ListenerRun>();
        foreach (var run in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(run.Instance, instance, StringComparison.Ordinal) || run.HeartbeatAt >= staleBefore)
            {
                continue;
            }

            var removed = await _database.ExecuteAsync(
                "DELETE FROM listener_runs WHERE instance = @instance AND heartbeat_at = @heartbeat",
                command =>
                {
                    Add(command, "instance", run.Instance);
                    Add(command, "heartbeat", run.HeartbeatAt.ToUnixTimeMilliseconds());
                },
                cancellationToken).ConfigureAwait(false);
            if (removed == 1)
            {
                adopted.Add(run);
            }
        }

        return adopted;
    }

    /// <summary>Removes this instance's marker: it stopped cleanly, with nothing left to catch up.</summary>
    public Task<int> StopAsync(string instance, CancellationToken cancellationToken) =>
        _database.ExecuteAsync("DELETE FROM listener_runs WHERE instance = @instance", command => Add(command, "instance", instance), cancellationToken);

    public async Task<IReadOnlyList<ListenerRun>> ListAsync(CancellationToken cancellationToken)
    {
        var runs = new List<ListenerRun>();
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT instance, started_at, heartbeat_at FROM listener_runs ORDER BY instance");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new ListenerRun(reader.GetString(0), FromMs(reader.GetInt64(1)), FromMs(reader.GetInt64(2))));
        }

        return runs;
    }

    private async Task<ListenerRun?> GetAsync(string instance, CancellationToken cancellationToken)
    {
        foreach (var run in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(run.Instance, instance, StringComparison.Ordinal))
            {
                return run;
            }
        }

        return null;
    }
}
