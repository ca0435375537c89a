using System;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Listener.Processing;

/// <summary>
/// Wakes the worker when there may be new work (an event stored, an apply finished, parked events woken),
/// so it waits on this instead of polling. Reset before looking for work, then wait: a notification that
/// arrives in between is not lost.
/// </summary>
public sealed class InboxSignal
{
    private TaskCompletionSource pending = NewSource();

    public void Notify() => Volatile.Read(ref pending).TrySetResult();

    public void Reset()
    {
        var current = Volatile.Read(ref pending);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref pending, NewSource(), current);
        }
    }

    /// <summary>Waits for a notification or <paramref name="timeout"/>; true when notified.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var notified = Volatile.Read(ref pending).Task;
        if (notified.IsCompleted)
        {
            return true;
        }

        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, timeProvider, stopDelay.Token);
        var first = await Task.WhenAny(notified, delay).ConfigureAwait(false);
        await stopDelay.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == notified;
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
