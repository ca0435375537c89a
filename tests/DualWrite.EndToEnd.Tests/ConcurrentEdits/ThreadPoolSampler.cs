using System;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.EndToEnd.Tests.ConcurrentEdits;

/// <summary>
/// Samples this process's thread pool while a burst runs (the emulators and the listener share it here): how many
/// threads it had to grow to and how many work items queued for a free thread — starvation shows as both rising.
/// </summary>
internal sealed class ThreadPoolSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _maxThreads;
    private long _maxQueued;

    public ThreadPoolSampler()
    {
        // A dedicated thread: a sampler on the pool would itself wait for a thread when the pool is starved.
        _loop = Task.Factory.StartNew(Sample, TaskCreationOptions.LongRunning);
    }

    public int MaxThreads => Volatile.Read(ref _maxThreads);

    public long MaxQueued => Interlocked.Read(ref _maxQueued);

    private void Sample()
    {
        while (!_stop.IsCancellationRequested)
        {
            Volatile.Write(ref _maxThreads, Math.Max(_maxThreads, ThreadPool.ThreadCount));
            Interlocked.Exchange(ref _maxQueued, Math.Max(_maxQueued, ThreadPool.PendingWorkItemCount));
            _stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(50));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
