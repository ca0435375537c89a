using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace DualWrite.Chaos.Rig;

/// <summary>
/// Reads the listener's SQLite inbox beside it (read-only; the file is in WAL mode): events not finished yet, and
/// events that ended failed (in the error queue).
/// </summary>
public sealed class InboxProbe
{
    private readonly string _connectionString;

    public InboxProbe(string dataDirectory)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "inbox.db"),
            Mode = SqliteOpenMode.ReadOnly,
            DefaultTimeout = 30,
            Pooling = false,
        }.ToString();
    }

    /// <summary>Events by state, and the reasons of failed ones (most frequent first), for a run that did not drain.</summary>
    public async Task<(System.Collections.Generic.Dictionary<string, long> States, System.Collections.Generic.List<string> Failures)> DescribeAsync()
    {
        var states = new System.Collections.Generic.Dictionary<string, long>();
        var failures = new System.Collections.Generic.List<string>();
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT state, COUNT(*) FROM inbox_events GROUP BY state";
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                states[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        await using (var command = connection.CreateCommand())
        {
            // Alike failures together: numbers and keys blanked, most frequent first.
            command.CommandText = "SELECT state, last_error FROM inbox_events WHERE state NOT IN ('Applied', 'Skipped')";
            var counts = new System.Collections.Generic.Dictionary<string, int>();
            await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                var error = reader.IsDBNull(1) ? "(no error yet)" : reader.GetString(1);
                var shape = reader.GetString(0) + ": " + System.Text.RegularExpressions.Regex.Replace(error, "[A-Z]X\\d{3}-?\\d+|\\d+", "#");
                counts[shape] = (counts.TryGetValue(shape, out var seen) ? seen : 0) + 1;
            }

            foreach (var (shape, count) in System.Linq.Enumerable.Take(System.Linq.Enumerable.OrderByDescending(counts, c => c.Value), 10))
            {
                failures.Add(count + " x " + (shape.Length > 700 ? shape[..700] : shape));
            }
        }

        return (states, failures);
    }

    public async Task<(long Unfinished, long Failed, long Total)> CountAsync()
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(CASE WHEN state IN ('Applied', 'Skipped', 'Failed') THEN 0 ELSE 1 END), SUM(CASE WHEN state = 'Failed' THEN 1 ELSE 0 END), COUNT(*) FROM inbox_events";
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.ReadAsync().ConfigureAwait(false);
        return (reader.IsDBNull(0) ? 0 : reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1), reader.GetInt64(2));
    }
}
