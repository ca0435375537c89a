using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace DualWrite.Listener.Inbox.Postgres;

/// <summary>
/// The inbox in PostgreSQL, shared by any number of listener instances. Claims (and schema creation) run
/// under a transaction-scoped advisory lock per schema, so two instances never lease the same record.
/// </summary>
public sealed class PostgresInboxStore : RelationalInboxStore, IInboxWakeSource, IAsyncDisposable, IDisposable
{
    private const string ExclusiveLockSql = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.dualwrite_inbox'))";

    // One channel per database; instances on other schemas only get a spurious wake-up.
    private const string Channel = "dualwrite_inbox";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly NpgsqlDataSource dataSource;

    public PostgresInboxStore(string connectionString, TimeProvider timeProvider)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    protected override string? WorkAvailableSql => "NOTIFY " + Channel;

    public async Task ListenAsync(Action wake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wake);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                connection.Notification += (_, _) => wake();
                await using (var listen = new NpgsqlCommand("LISTEN " + Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                wake(); // Whatever arrived while we were not listening.
                while (true)
                {
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.IO.IOException or TimeoutException)
            {
                // The database went away: the idle recheck covers the gap; listen again shortly.
                try
                {
                    await Task.Delay(ReconnectDelay, TimeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    protected override IReadOnlyList<string> SchemaStatements { get; } =
        CommonSchema("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "CREATE OR REPLACE VIEW");

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async Task<DbTransaction> BeginExclusiveTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ExclusiveLockSql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
