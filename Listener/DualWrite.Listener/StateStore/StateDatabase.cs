using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.StateStore;

/// <summary>
/// The database the listener's state lives in (inbox, sync state, conflicts, map states, error queue): its
/// connections, how writers and claims are serialised, and the schema. The stores share one database so
/// their SQL, which SQLite and PostgreSQL both run, keeps one set of semantics. Times are Unix milliseconds
/// taken from the injected TimeProvider, never the database's clock.
/// </summary>
public abstract class StateDatabase
{
    protected StateDatabase(TimeProvider timeProvider, SqlDialect dialect)
    {
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        Dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
    }

    public TimeProvider TimeProvider { get; }

    public SqlDialect Dialect { get; }

    /// <summary>SQL that tells other instances there is new work (PostgreSQL: NOTIFY); null when there are none to tell.</summary>
    protected internal virtual string? WorkAvailableSql => null;

    /// <summary>Creates every store's tables if they are missing. Safe to call from several instances at once.</summary>
    public virtual async Task InitializeAsync(CancellationToken cancellationToken)
    {
        using var gate = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginExclusiveTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var statement in StateSchema.Statements(Dialect))
        {
            await using var command = StateSql.Command(connection, transaction, statement);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected internal abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that no other claim (in any instance) runs alongside.</summary>
    protected internal abstract Task<DbTransaction> BeginExclusiveTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Lets a database serialise its writers in-process (SQLite has one writer at a time anyway).</summary>
    protected internal virtual ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken) => new(NoWriteGate.Instance);

    internal long Now() => TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Runs one statement with <c>@now</c> bound; returns the rows changed.</summary>
    internal async Task<int> ExecuteAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken, bool notifyWhenChanged = false)
    {
        using var gate = await EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        int changed;
        await using (var command = StateSql.Command(connection, null, sql))
        {
            StateSql.Add(command, "now", Now());
            bind(command);
            changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (notifyWhenChanged && changed > 0)
        {
            await NotifyWorkAvailableAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    // After the commit: a notification is a hint to look, so it must not arrive before the work is visible.
    internal async Task NotifyWorkAvailableAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (WorkAvailableSql is { } sql)
        {
            await using var command = StateSql.Command(connection, null, sql);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
