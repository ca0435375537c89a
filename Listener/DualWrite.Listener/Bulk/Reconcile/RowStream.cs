using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Bulk.Reading;

namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>
/// One side's rows one at a time from the reader's pages, with the next page already being read while this one is
/// consumed (two pages held at most). Checks that keys arrive in the join's order: a service that orders keys
/// differently from the comparison would otherwise show up as records missing on both sides.
/// </summary>
internal sealed class RowStream : IAsyncDisposable
{
    private readonly IAsyncEnumerator<SourcePage> _pages;
    private readonly IReadOnlyList<KeyColumn> _keys;
    private readonly JoinKey _join;
    private readonly string _describe;
    private Task<bool>? _nextPage;
    private SourcePage? _page;
    private int _index = -1;

    public RowStream(IAsyncEnumerable<SourcePage> pages, IReadOnlyList<KeyColumn> keys, JoinKey join, string describe, CancellationToken cancellationToken)
    {
        _pages = pages.GetAsyncEnumerator(cancellationToken);
        _keys = keys;
        _join = join;
        _describe = describe;
    }

    public JsonObject? Current { get; private set; }

    public IReadOnlyList<string?>? CurrentKey { get; private set; }

    public long Count { get; private set; }

    public bool HasCurrent => Current is not null;

    public async Task MoveNextAsync()
    {
        var previous = CurrentKey;
        while (_page is null || _index + 1 >= _page.Rows.Count)
        {
            var more = await (_nextPage ?? _pages.MoveNextAsync().AsTask()).ConfigureAwait(false);
            _nextPage = null;
            if (!more)
            {
                _page = null;
                Current = null;
                CurrentKey = null;
                return;
            }

            _page = _pages.Current;
            _index = -1;

            // Read ahead while this page is compared: the enumerator only moves on when asked.
            _nextPage = _page.Last is null ? null : _pages.MoveNextAsync().AsTask();
        }

        _index++;
        Current = _page.Rows[_index];
        CurrentKey = MapSourceReader.CursorOf(_keys, Current).Values;
        Count++;
        if (previous is not null && _join.Compare(previous, CurrentKey) >= 0)
        {
            throw new SourceReadException(
                _describe + " returned key " + _join.Describe(CurrentKey) + " after " + _join.Describe(previous)
                + ": the service orders keys differently from the comparison (strings ignoring case), so the sides cannot be merged.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_nextPage is not null)
        {
            try
            {
                await _nextPage.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SourceReadException or OperationCanceledException)
            {
                // The run already failed or stopped; the read-ahead's own failure adds nothing.
            }
        }

        await _pages.DisposeAsync().ConfigureAwait(false);
    }
}
