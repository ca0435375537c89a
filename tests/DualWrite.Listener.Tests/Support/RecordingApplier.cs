using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Processing;

namespace DualWrite.Listener.Tests.Support;

/// <summary>
/// An applier that records what it applied, in order per record, and notices two events of one record
/// being applied at once (also across listener instances sharing it). <see cref="Decide"/> scripts outcomes.
/// </summary>
public sealed class RecordingApplier : IChangeApplier
{
    private readonly ConcurrentDictionary<string, int> running = new();
    private readonly ConcurrentDictionary<string, List<long>> appliedByRecord = new();
    private readonly ConcurrentDictionary<string, int> appliedCount = new();
    private readonly ConcurrentDictionary<string, int> appliedByOwner = new();
    private int concurrentRecords;
    private int overlaps;

    /// <summary>Decides the outcome of each call (default: applied).</summary>
    public Func<InboxEvent, CancellationToken, Task<ApplyOutcome>> Decide { get; set; } = (_, _) => Task.FromResult(ApplyOutcome.Applied);

    /// <summary>How long each apply takes (to give overlaps a chance to show).</summary>
    public TimeSpan Work { get; set; } = TimeSpan.FromMilliseconds(2);

    public int Overlaps => Volatile.Read(ref overlaps);

    public int MaxConcurrentRecords { get; private set; }

    public int TotalApplied => appliedCount.Values.Sum();

    public IReadOnlyDictionary<string, int> AppliedCountByEvent => appliedCount;

    /// <summary>How many events each listener instance (lease owner) applied.</summary>
    public IReadOnlyDictionary<string, int> AppliedByOwner => appliedByOwner;

    public IReadOnlyList<long> AppliedOrder(string recordKey)
    {
        var list = appliedByRecord.GetOrAdd(recordKey, _ => []);
        lock (list)
        {
            return [.. list];
        }
    }

    public async Task<ApplyOutcome> ApplyAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        if (running.AddOrUpdate(inboxEvent.RecordKey, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref overlaps);
        }

        var now = Interlocked.Increment(ref concurrentRecords);
        lock (running)
        {
            MaxConcurrentRecords = Math.Max(MaxConcurrentRecords, now);
        }

        try
        {
            await Task.Delay(Work, cancellationToken);
            var outcome = await Decide(inboxEvent, cancellationToken);
            if (outcome.Kind == ApplyOutcomeKind.Applied)
            {
                var list = appliedByRecord.GetOrAdd(inboxEvent.RecordKey, _ => []);
                lock (list)
                {
                    list.Add(inboxEvent.ControlNumber);
                }

                appliedCount.AddOrUpdate(inboxEvent.EventId, 1, (_, n) => n + 1);
                appliedByOwner.AddOrUpdate(inboxEvent.LeaseOwner ?? "?", 1, (_, n) => n + 1);
            }

            return outcome;
        }
        finally
        {
            Interlocked.Decrement(ref concurrentRecords);
            running.AddOrUpdate(inboxEvent.RecordKey, 0, (_, n) => n - 1);
        }
    }
}
