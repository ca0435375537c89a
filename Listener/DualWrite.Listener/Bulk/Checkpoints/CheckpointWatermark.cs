using System;
using System.Collections.Generic;
using DualWrite.Listener.Bulk.Reading;

namespace DualWrite.Listener.Bulk.Checkpoints;

/// <summary>
/// The contiguous watermark of a run whose batches commit out of order: pages are numbered as they are read, each
/// owes a number of batches, and the watermark is the cursor of the last page such that it and every page before
/// it have all their batches committed. A resumed run reads after it, so nothing uncommitted is skipped. Thread-safe.
/// </summary>
public sealed class CheckpointWatermark
{
    private readonly object _gate = new();
    private readonly Dictionary<long, PageState> _open = new();
    private long _next;
    private long _lowestOpen;

    public CheckpointWatermark(RecordCursor? start)
    {
        Cursor = start;
    }

    /// <summary>The cursor every committed row is at or before; null while nothing is committed (read from the start).</summary>
    public RecordCursor? Cursor { get; private set; }

    /// <summary>Registers the next page, owing <paramref name="batches"/> batches (0: done at once). Returns its number.</summary>
    public long AddPage(RecordCursor? last, int batches)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batches);
        lock (_gate)
        {
            var page = _next++;
            _open[page] = new PageState(last, batches);
            return page;
        }
    }

    /// <summary>Adds batches a page owes (a row held back and written later keeps its page open). </summary>
    public void Owe(long page, int batches)
    {
        lock (_gate)
        {
            _open[page].Owed += batches;
        }
    }

    /// <summary>One batch of <paramref name="page"/> is committed (or settled). True when the watermark moved.</summary>
    public bool Settle(long page) => Settle(page, 1);

    /// <summary>Some batches of <paramref name="page"/> are settled; true when the watermark moved.</summary>
    public bool Settle(long page, int batches)
    {
        lock (_gate)
        {
            _open[page].Owed -= batches;
            return Advance();
        }
    }

    /// <summary>Moves past the pages already done (pages added with nothing owed). True when the watermark moved.</summary>
    public bool Advance()
    {
        lock (_gate)
        {
            var moved = false;
            while (_lowestOpen < _next && _open.TryGetValue(_lowestOpen, out var state) && state.Owed <= 0)
            {
                if (state.Last is not null)
                {
                    Cursor = state.Last;
                    moved = true;
                }

                _open.Remove(_lowestOpen);
                _lowestOpen++;
            }

            return moved;
        }
    }

    private sealed class PageState(RecordCursor? last, int owed)
    {
        public RecordCursor? Last { get; } = last;

        public int Owed { get; set; } = owed;
    }
}
