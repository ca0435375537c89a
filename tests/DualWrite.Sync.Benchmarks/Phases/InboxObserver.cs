using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using DualWrite.Sync.Benchmarks.Reporting;

namespace DualWrite.Sync.Benchmarks.Phases;

/// <summary>
/// Reads the listener's SQLite inbox (read-only, beside the running listener: the file is in WAL mode) to see when a
/// burst is done and what each event's received and completed times were (Unix milliseconds, the listener's clock).
/// </summary>
public sealed class InboxObserver
{
    private readonly string _connectionString;

    public InboxObserver(string dataDirectory)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "inbox.db"),
            Mode = SqliteOpenMode.ReadOnly,
            DefaultTimeout = 30,
        }.ToString();
    }

    public async Task<long> FinishedAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM inbox_events WHERE state IN ('Applied', 'Skipped', 'Failed')";
        return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false) ?? 0L);
    }

    /// <summary>Waits until <paramref name="count"/> events are finished; false when the time is up first.</summary>
    public async Task<bool> WaitForFinishedAsync(long count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await FinishedAsync().ConfigureAwait(false) >= count)
                {
                    return true;
                }
            }
            catch (SqliteException)
            {
                // The inbox is not created yet, or busy: look again.
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        return false;
    }

    public async Task<DrainResult> ResultAsync(bool complete)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, first_received_at, completed_at FROM inbox_events";
        long applied = 0, skipped = 0, failed = 0;
        long firstReceived = long.MaxValue, lastReceived = long.MinValue, lastCompleted = long.MinValue;
        var lags = new List<double>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var state = reader.GetString(0);
            var received = reader.GetInt64(1);
            firstReceived = Math.Min(firstReceived, received);
            lastReceived = Math.Max(lastReceived, received);
            if (reader.IsDBNull(2))
            {
                continue;
            }

            var completed = reader.GetInt64(2);
            lastCompleted = Math.Max(lastCompleted, completed);
            lags.Add(completed - received);
            switch (state)
            {
                case "Applied": applied++; break;
                case "Skipped": skipped++; break;
                default: failed++; break;
            }
        }

        var finished = applied + skipped + failed;
        var seconds = (lastCompleted - firstReceived) / 1000.0;
        var arrival = lastReceived > firstReceived ? lags.Count / ((lastReceived - firstReceived) / 1000.0) : double.PositiveInfinity;
        return new DrainResult(applied, skipped, failed, seconds > 0 ? finished / seconds : 0, Statistics.Percentile(lags, 50), Statistics.Percentile(lags, 99), arrival, complete);
    }
}
