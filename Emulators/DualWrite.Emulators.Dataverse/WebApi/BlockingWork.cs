using System;
using System.Threading;
using System.Threading.Tasks;

namespace DualWrite.Emulators.Dataverse.WebApi;

/// <summary>
/// Runs a write's pipeline on a thread of its own. The pipeline is synchronous, and its plug-ins may wait seconds on
/// an outbound call (ours waits for F&amp;O) or on a row lock; on thread-pool threads a burst of such saves would
/// take every pool thread, and the requests, timers and I/O completions that the waits depend on would queue behind
/// them until the pool grew (one thread at a time): healthy calls would then time out. The service runs plug-ins in
/// sandbox workers of their own; a dedicated thread per write is the emulator's equivalent.
/// </summary>
internal static class BlockingWork
{
    public static Task<T> RunAsync<T>(Func<T> work)
        => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
}
