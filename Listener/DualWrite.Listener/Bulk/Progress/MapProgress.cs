using System;
using System.Diagnostics;
using System.Threading;
using DualWrite.Core.Maps;

namespace DualWrite.Listener.Bulk.Progress;

/// <summary>
/// One map's live counters, updated by the pipeline as batches settle and read by the progress display;
/// thread-safe. <see cref="Expected"/> is the source's row count when known (for the ETA).
/// </summary>
public sealed class MapProgress
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _read;
    private long _written;
    private long _skipped;
    private long _failed;
    private long _finishedTicks = -1;

    public MapProgress(string map, int wave, SyncDirection direction, long? expected)
    {
        Map = map ?? throw new ArgumentNullException(nameof(map));
        Wave = wave;
        Direction = direction;
        Expected = expected;
    }

    public string Map { get; }

    public int Wave { get; }

    public SyncDirection Direction { get; }

    public long? Expected { get; set; }

    public long Read => Interlocked.Read(ref _read);

    public long Written => Interlocked.Read(ref _written);

    public long Skipped => Interlocked.Read(ref _skipped);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Rows settled: written, skipped or failed.</summary>
    public long Done => Written + Skipped + Failed;

    public bool IsFinished => Interlocked.Read(ref _finishedTicks) >= 0;

    public TimeSpan Elapsed => IsFinished ? TimeSpan.FromTicks(Interlocked.Read(ref _finishedTicks)) : _clock.Elapsed;

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the current rate, when the expected count is known and rows are moving.</summary>
    public TimeSpan? Remaining =>
        Expected is { } expected && RowsPerSecond > 0 && expected > Done ? TimeSpan.FromSeconds((expected - Done) / RowsPerSecond) : null;

    public void AddRead(long rows) => Interlocked.Add(ref _read, rows);

    public void AddWritten(long rows) => Interlocked.Add(ref _written, rows);

    public void AddSkipped(long rows) => Interlocked.Add(ref _skipped, rows);

    public void AddFailed(long rows) => Interlocked.Add(ref _failed, rows);

    /// <summary>Counts carried over from the checkpoint of the run being resumed.</summary>
    public void Carry(long read, long written, long failed)
    {
        AddRead(read);
        AddWritten(written);
        AddFailed(failed);
    }

    public void Finish() => Interlocked.CompareExchange(ref _finishedTicks, _clock.Elapsed.Ticks, -1);
}
