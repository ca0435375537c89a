using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;

namespace DualWrite.Listener.Processing;

/// <summary>
/// The worker's lease heartbeat: every event it holds (queued or applying) is renewed together, one statement per
/// interval, so an apply slower than the lease keeps its record. An event whose renewal finds it taken over, or whose
/// known expiry passes without a renewal (the store was unreachable), is lost: its token is cancelled, so the apply
/// stops and records nothing.
/// </summary>
public sealed class LeaseKeeper : IDisposable
{
    private readonly IEventInbox _store;
    private readonly string _owner;
    private readonly TimeSpan _leaseDuration;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);

    public LeaseKeeper(IEventInbox store, string owner, TimeSpan leaseDuration, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        ArgumentException.ThrowIfNullOrEmpty(owner);
        _owner = owner;
        _leaseDuration = leaseDuration > TimeSpan.Zero ? leaseDuration : throw new ArgumentOutOfRangeException(nameof(leaseDuration));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>How many events are held now.</summary>
    public int Count => _held.Count;

    /// <summary>Starts renewing freshly claimed events.</summary>
    public void Track(IEnumerable<InboxEvent> claimed)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        foreach (var leased in claimed)
        {
            _held[leased.EventId] = new Held(leased.LeaseExpiresAt ?? _time.GetUtcNow() + _leaseDuration);
        }
    }

    /// <summary>Stops renewing an event (its outcome is recorded, or it went back to the inbox).</summary>
    public void Forget(InboxEvent leased)
    {
        ArgumentNullException.ThrowIfNull(leased);
        if (_held.TryRemove(leased.EventId, out var held))
        {
            held.Dispose();
        }
    }

    /// <summary>True when the lease on the event was lost (taken over, or expired without renewal), or it is not held.</summary>
    public bool IsLost(InboxEvent leased)
    {
        ArgumentNullException.ThrowIfNull(leased);
        return !_held.TryGetValue(leased.EventId, out var held) || held.IsLost(_time.GetUtcNow());
    }

    /// <summary>The tokens an apply of these events watches: each is cancelled when that event's lease is lost.</summary>
    public IReadOnlyList<CancellationToken> LostTokens(IReadOnlyList<InboxEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var tokens = new List<CancellationToken>(events.Count);
        foreach (var leased in events)
        {
            tokens.Add(_held.TryGetValue(leased.EventId, out var held) ? held.Token : new CancellationToken(canceled: true));
        }

        return tokens;
    }

    /// <summary>
    /// One heartbeat: renews every held event; cancels those the store no longer gives this owner. A store failure
    /// renews nothing (the events stay held until their known expiry) and is thrown for the caller to log.
    /// </summary>
    /// <returns>How many events were lost in this round.</returns>
    public async Task<int> RenewAsync(CancellationToken cancellationToken)
    {
        var lost = 0;
        var now = _time.GetUtcNow();
        foreach (var (id, held) in _held)
        {
            if (held.IsLost(now) && held.Cancel())
            {
                lost++;
            }
        }

        var ids = _held.Where(h => !h.Value.IsCancelled).Select(h => h.Key).ToList();
        if (ids.Count == 0)
        {
            return lost;
        }

        var until = _time.GetUtcNow() + _leaseDuration;
        var stillHeld = await _store.RenewLeasesAsync(ids, _owner, _leaseDuration, cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            if (!_held.TryGetValue(id, out var held))
            {
                continue; // Finished while the renewal ran.
            }

            if (stillHeld.Contains(id))
            {
                held.Renewed(until);
            }
            else if (held.Cancel())
            {
                lost++;
            }
        }

        return lost;
    }

    public void Dispose()
    {
        foreach (var held in _held.Values)
        {
            held.Dispose();
        }

        _held.Clear();
    }

    /// <summary>One held event: until when its lease is known to run, and the token its apply watches.</summary>
    private sealed class Held(DateTimeOffset expiresAt) : IDisposable
    {
        private readonly CancellationTokenSource _lost = new();
        private long _expiresAtTicks = expiresAt.UtcTicks;

        public CancellationToken Token => _lost.Token;

        public bool IsCancelled => _lost.IsCancellationRequested;

        public bool IsLost(DateTimeOffset now) => _lost.IsCancellationRequested || now.UtcTicks >= Interlocked.Read(ref _expiresAtTicks);

        public void Renewed(DateTimeOffset until) => Interlocked.Exchange(ref _expiresAtTicks, until.UtcTicks);

        /// <summary>Cancels once; true the first time.</summary>
        public bool Cancel()
        {
            if (_lost.IsCancellationRequested)
            {
                return false;
            }

            try
            {
                _lost.Cancel();
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }

        public void Dispose() => _lost.Dispose();
    }
}
