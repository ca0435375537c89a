using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace DualWrite.Listener.StateStore.Postgres;

/// <summary>
/// The state in PostgreSQL, shared by any number of listener instances. Claims (and schema creation) run
/// under a transaction-scoped advisory lock per schema, so two instances never lease the same record.
/// New work is announced with NOTIFY; <see cref="ListenAsync"/> hears it.
/// </summary>
public sealed class PostgresStateDatabase : StateDatabase, IAsyncDisposable, IDisposable
{
    // The lock name predates the split into stores; instances of older and newer versions must agree on it.
    private const string ExclusiveLockSql = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.dualwrite_inbox'))";

    // One channel per database; instances on other schemas only get a spurious wake-up.
    private const string Channel = "dualwrite_inbox";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly NpgsqlDataSource dataSource;

    public PostgresStateDatabase(string connectionString, TimeProvider timeProvider)
        : base(timeProvider, SqlDialect.Postgres)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

    protected internal override string? WorkAvailableSql => "NOTIFY " + Channel;

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

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();

    protected internal override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected internal override async Task<DbTransaction> BeginExclusiveTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
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
