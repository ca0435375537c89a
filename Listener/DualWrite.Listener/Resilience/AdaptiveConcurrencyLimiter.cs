using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Resilience;

/// <summary>
/// Limits concurrent requests to one host with AIMD: each success adds 1/limit (about +1 per round of
/// requests), a 429 halves the limit. Only the first 429 of a round counts: a throttled answer to a request
/// sent before the last halving says nothing new, so a burst of 429s halves once, not to the floor.
/// A congested answer (near the service's limits) shrinks the limit by a quarter under the same rule.
/// </summary>
public sealed class AdaptiveConcurrencyLimiter
{
    private readonly object gate = new();
    private readonly LinkedList<TaskCompletionSource<bool>> waiters = new();
    private readonly int minLimit;
    private readonly int maxLimit;
    private double limit;
    private int inFlight;
    private long epoch;

    public AdaptiveConcurrencyLimiter(int initialLimit, int minLimit, int maxLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLimit, minLimit);
        this.minLimit = minLimit;
        this.maxLimit = maxLimit;
        limit = Math.Clamp(initialLimit, minLimit, maxLimit);
    }

    /// <summary>The current limit (fractional: it grows by fractions).</summary>
    public double Limit
    {
        get
        {
            lock (gate)
            {
                return limit;
            }
        }
    }

    /// <summary>The most requests this limiter lets through at once, whatever it learns.</summary>
    public int MaxLimit => maxLimit;

    public int InFlight
    {
        get
        {
            lock (gate)
            {
                return inFlight;
            }
        }
    }

    /// <summary>Waits for a slot. Dispose the lease when the request is done, after reporting how it went.</summary>
    public async ValueTask<ConcurrencyLease> AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<bool> waiter;
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (gate)
        {
            if (waiters.Count == 0 && inFlight < Capacity())
            {
                inFlight++;
                return new ConcurrencyLease(this, epoch);
            }

            waiter = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = waiters.AddLast(waiter);
        }

        await using (cancellationToken.Register(() => Abandon(node, cancellationToken)).ConfigureAwait(false))
        {
            await waiter.Task.ConfigureAwait(false);
        }

        lock (gate)
        {
            return new ConcurrencyLease(this, epoch);
        }
    }

    internal void Release(long leaseEpoch, ConcurrencyOutcome outcome)
    {
        lock (gate)
        {
            inFlight--;
            if (outcome == ConcurrencyOutcome.Throttled && leaseEpoch == epoch)
            {
                limit = Math.Max(minLimit, limit / 2);
                epoch++;
            }
            else if (outcome == ConcurrencyOutcome.Congested && leaseEpoch == epoch)
            {
                limit = Math.Max(minLimit, limit * 0.75);
                epoch++;
            }
            else if (outcome == ConcurrencyOutcome.Succeeded)
            {
                limit = Math.Min(maxLimit, limit + (1 / limit));
            }

            while (waiters.First is { } first && inFlight < Capacity())
            {
                waiters.RemoveFirst();
                inFlight++;
                first.Value.TrySetResult(true);
            }
        }
    }

    private int Capacity() => Math.Max(minLimit, (int)Math.Floor(limit));

    private void Abandon(LinkedListNode<TaskCompletionSource<bool>> node, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // Granted already (removed by Release): the slot is the caller's, nothing to undo here.
            if (node.List is null)
            {
                return;
            }

            waiters.Remove(node);
        }

        node.Value.TrySetCanceled(cancellationToken);
    }
}
