using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using Microsoft.Data.Sqlite;

namespace DualWrite.Listener.Inbox.Sqlite;

/// <summary>
/// The inbox in one SQLite file (WAL, synchronous=FULL: a commit is on disk before it returns). Meant for a
/// single listener instance; several instances share PostgreSQL instead. Received events are group-committed:
/// events that arrive while a commit is running go to disk together in the next one, and each caller is
/// answered only once its event is committed.
/// </summary>
public sealed class SqliteInboxStore : RelationalInboxStore, IDisposable
{
    private readonly string connectionString;

    private const int MaxGroupCommit = 256;

    // SQLite has one writer at a time; queueing writers here is cheaper than SQLITE_BUSY retries.
    private readonly SemaphoreSlim writeGate = new(1, 1);

    private readonly Channel<PendingReceive> receives = Channel.CreateUnbounded<PendingReceive>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object committerLock = new();
    private Task? committer;

    public SqliteInboxStore(string databasePath, TimeProvider timeProvider)
        : base(timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    protected override IReadOnlyList<string> SchemaStatements { get; } =
        CommonSchema("INTEGER PRIMARY KEY AUTOINCREMENT", "CREATE VIEW IF NOT EXISTS");

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // journal_mode is stored in the file: set once, before any transaction.
        await using (var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA journal_mode=WAL";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await base.InitializeAsync(cancellationToken).ConfigureAwait(false);
    }

    public override Task<ReceiveResult> ReceiveAsync(FnOChangeEvent changeEvent, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changeEvent);
        ArgumentNullException.ThrowIfNull(body);
        lock (committerLock)
        {
            committer ??= Task.Run(CommitReceivedAsync, CancellationToken.None);
        }

        var pending = new PendingReceive(changeEvent, body, new TaskCompletionSource<ReceiveResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!receives.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteInboxStore));
        }

        // A caller that gives up is not answered; its event may still be committed (a redelivery counts it).
        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        receives.Writer.TryComplete();
        Task? running;
        lock (committerLock)
        {
            running = committer;
        }

        // Let the committer finish what was already handed to it, then release the gate it uses.
        running?.Wait(TimeSpan.FromSeconds(30));
        writeGate.Dispose();
    }

    private async Task CommitReceivedAsync()
    {
        var batch = new List<PendingReceive>(MaxGroupCommit);
        while (await receives.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxGroupCommit && receives.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                var results = new ReceiveResult[batch.Count];
                using (await EnterWriteAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    await using var connection = await OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
                    await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        results[i] = await InsertReceivedAsync(connection, transaction, batch[i].Event, batch[i].Body, CancellationToken.None).ConfigureAwait(false);
                    }

                    await transaction.CommitAsync().ConfigureAwait(false);
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Stored.TrySetResult(results[i]);
                }
            }
#pragma warning disable CA1031 // Every waiter must hear how its commit went, whatever failed; the receiver answers 503.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var pending in batch)
                {
                    pending.Stored.TrySetException(ex);
                }
            }
        }
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // synchronous is per connection: FULL makes every WAL commit fsync before it returns.
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Microsoft.Data.Sqlite begins IMMEDIATE transactions by default: the write lock is taken up front.
    protected override async Task<DbTransaction> BeginExclusiveTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

    protected override async ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(writeGate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private SemaphoreSlim? gate = gate;

        public void Dispose() => Interlocked.Exchange(ref gate, null)?.Release();
    }
}
