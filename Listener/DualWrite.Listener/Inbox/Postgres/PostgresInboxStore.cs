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
public sealed class PostgresInboxStore : RelationalInboxStore, IAsyncDisposable, IDisposable
{
    private const string ExclusiveLockSql = "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.dualwrite_inbox'))";

    private readonly NpgsqlDataSource dataSource;

    public PostgresInboxStore(string connectionString, TimeProvider timeProvider)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
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
