using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace DualWrite.TestSupport;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by DUALWRITE_TEST_POSTGRES (a connection string)
/// when set, otherwise a throwaway cluster started here (initdb into a temp directory, pg_ctl on a free port,
/// as the postgres user when running as root, since PostgreSQL refuses to run as root) and stopped at the end.
/// Each test gets its own schema.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "DUALWRITE_TEST_POSTGRES";

    private string? dataRoot;
    private string? binDirectory;
    private readonly System.Collections.Concurrent.ConcurrentBag<string> schemas = [];
    private int schemaCounter;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured;
            return;
        }

        binDirectory = FindBinDirectory()
            ?? throw new InvalidOperationException(
                "PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin or on PATH). Install it (apt-get install -y postgresql) or set " +
                EnvironmentVariable + " to a connection string.");
        dataRoot = Directory.CreateTempSubdirectory("dwpg-").FullName;
        if (IsRoot())
        {
            await RunAsync("chown", ["postgres", dataRoot], asPostgres: false).ConfigureAwait(false);
        }

        var data = Path.Combine(dataRoot, "data");
        await RunAsync(Path.Combine(binDirectory, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], asPostgres: true).ConfigureAwait(false);
        var port = FreePort();
        await RunAsync(
            Path.Combine(binDirectory, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(dataRoot, "server.log"), "-w", "-o", "-p " + port + " -k " + dataRoot + " -c listen_addresses=127.0.0.1 -c max_connections=200", "start"],
            asPostgres: true).ConfigureAwait(false);
        ConnectionString = "Host=127.0.0.1;Port=" + port.ToString(CultureInfo.InvariantCulture) + ";Username=postgres;Database=postgres";
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (dataRoot is null || binDirectory is null)
        {
            // Someone else's server: leave it as found.
            await DropSchemasAsync().ConfigureAwait(false);
            return;
        }

        await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", Path.Combine(dataRoot, "data"), "-m", "immediate", "-w", "stop"], asPostgres: true).ConfigureAwait(false);
        Directory.Delete(dataRoot, recursive: true);
    }

    /// <summary>A fresh, empty schema; the returned connection string makes it the default.</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = "t" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "_" + Interlocked.Increment(ref schemaCounter).ToString(CultureInfo.InvariantCulture)
            + "_" + Guid.NewGuid().ToString("N")[..6];
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE SCHEMA " + schema;
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        schemas.Add(schema);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    private async Task DropSchemasAsync()
    {
        if (schemas.IsEmpty || string.IsNullOrEmpty(ConnectionString))
        {
            return;
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        foreach (var schema in schemas)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP SCHEMA IF EXISTS " + schema + " CASCADE";
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    private static string? FindBinDirectory()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .ToList()
            : [];
        if (versions.Count > 0)
        {
            return versions[0];
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':').FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && IsRoot() ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asPostgres && IsRoot())
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + program);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(program + " " + string.Join(' ', arguments) + " exited with " + process.ExitCode + ": " + await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
        }
    }
}
