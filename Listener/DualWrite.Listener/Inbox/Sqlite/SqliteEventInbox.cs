using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Listener.StateStore.Sqlite;

namespace DualWrite.Listener.Inbox.Sqlite;

/// <summary>
/// The event inbox in the SQLite state file. Received events are group-committed: events that arrive while a
/// commit is running go to disk together in the next one, and each caller is answered only once its event
/// is committed.
/// </summary>
public sealed class SqliteEventInbox : RelationalEventInbox, IDisposable
{
    private const int MaxGroupCommit = 256;

    private readonly Channel<PendingReceive> receives = Channel.CreateUnbounded<PendingReceive>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object committerLock = new();
    private Task? committer;

    public SqliteEventInbox(SqliteStateDatabase database)
        : base(database)
    {
    }

    public override Task<ReceiveResult> ReceiveAsync(FinOpsChangeEvent changeEvent, string body, CancellationToken cancellationToken)
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
            throw new ObjectDisposedException(nameof(SqliteEventInbox));
        }

        // A caller that gives up is not answered; its event may still be committed (a redelivery counts it).
        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    protected override string OpenOrderIndexHint => " INDEXED BY " + InboxSql.OpenOrderIndex;

    /// <remarks>
    /// WAL with synchronous=NORMAL: the commit is atomic and survives a crash of the process, only a power cut can undo it.
    /// The WAL is a log, so a lost commit takes every later one with it and the file stays a consistent earlier state;
    /// the next receive (synchronous=FULL) puts these commits on disk with its own. The pool's next opening sets FULL again.
    /// </remarks>
    protected override async Task RelaxCommitDurabilityAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lets the committer finish what was already handed to it (the database's write gate outlives it).</summary>
    public void Dispose()
    {
        receives.Writer.TryComplete();
        Task? running;
        lock (committerLock)
        {
            running = committer;
        }

        running?.Wait(TimeSpan.FromSeconds(30));
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
                ReceiveResult[] results;
                using (await Database.EnterWriteAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    await using var connection = await Database.OpenConnectionAsync(CancellationToken.None).ConfigureAwait(false);
                    await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
                    results = await InsertReceivedManyAsync(connection, transaction, batch.Select(p => (p.Event, p.Body)).ToList(), CancellationToken.None).ConfigureAwait(false);
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
}
