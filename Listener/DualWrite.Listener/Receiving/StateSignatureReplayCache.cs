using System;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.StateStore;

namespace DualWrite.Listener.Receiving;

/// <summary>
/// The replay cache in the state database, so a restart within the window (or another instance behind the same
/// load balancer) still refuses a replay. The primary key makes the first insert win; expired rows are
/// deleted at most once a minute, by whichever receive comes along.
/// </summary>
public sealed class StateSignatureReplayCache(StateDatabase database) : ISignatureReplayCache
{
    private const string InsertSql =
        "INSERT INTO received_signatures (signature, forget_after) VALUES (@signature, @forget_after) ON CONFLICT (signature) DO NOTHING";

    private const string PurgeSql = "DELETE FROM received_signatures WHERE forget_after < @now";

    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    private long nextPurgeAt;

    public async Task<bool> TryRecordAsync(ReadOnlyMemory<byte> signature, DateTimeOffset forgetAfter, CancellationToken cancellationToken)
    {
        var now = database.Now();
        var due = Interlocked.Read(ref nextPurgeAt);
        if (now >= due && Interlocked.CompareExchange(ref nextPurgeAt, now + (long)PurgeInterval.TotalMilliseconds, due) == due)
        {
            await database.ExecuteAsync(PurgeSql, _ => { }, cancellationToken).ConfigureAwait(false);
        }

        var hex = Convert.ToHexStringLower(signature.Span);
        var inserted = await database.ExecuteAsync(
            InsertSql,
            command =>
            {
                StateSql.Add(command, "signature", hex);
                StateSql.Add(command, "forget_after", forgetAfter.ToUnixTimeMilliseconds());
            },
            cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }
}
