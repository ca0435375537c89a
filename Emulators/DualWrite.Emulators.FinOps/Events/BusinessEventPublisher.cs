using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Emulators.FinOps.Store;
using Microsoft.Extensions.Logging;

namespace DualWrite.Emulators.FinOps.Events;

/// <summary>
/// Turns committed changes into F&amp;O change business events (Core's <see cref="FinOpsChangeEvent"/>
/// contract) and queues them for every registered endpoint. Control numbers increase with gaps.
/// Delivery is at-least-once and, on demand, duplicated or out of order, as F&amp;O allows.
/// </summary>
public sealed class BusinessEventPublisher : IChangePublisher, IAsyncDisposable
{
    private const int PublishedHistory = 1000;

    private readonly object _gate = new();
    private readonly Dictionary<string, EndpointDeliveryWorker> _workers = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<PublishedEvent> _published = new();
    private readonly HttpClient _http;
    private readonly EventDeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _sharedCompany;
    private readonly Random _gaps;
    private long _controlNumber;
    private int _duplicateNext;
    private int _reorderNext;
    private PublishedEvent? _held;
    private int _pending;

    public BusinessEventPublisher(HttpClient http, EventDeliveryOptions options, TimeProvider time, ILogger<BusinessEventPublisher> logger, string sharedCompany)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _sharedCompany = sharedCompany ?? throw new ArgumentNullException(nameof(sharedCompany));
#pragma warning disable CA5394 // Not security: a seeded generator makes the control number gaps repeatable.
        _gaps = new Random(options.ControlNumberSeed);
#pragma warning restore CA5394
    }

    public EventErrorLog ErrorLog { get; } = new();

    public IReadOnlyList<EventEndpoint> Endpoints
    {
        get
        {
            lock (_gate)
            {
                return _workers.Values.Select(w => w.Endpoint).ToList();
            }
        }
    }

    /// <summary>The most recent published events (up to 1,000), oldest first, whether delivered or not.</summary>
    public IReadOnlyList<PublishedEvent> Published
    {
        get
        {
            lock (_gate)
            {
                return _published.ToList();
            }
        }
    }

    /// <summary>Deliveries queued or in progress (retry waits included).</summary>
    public int PendingDeliveries => Volatile.Read(ref _pending);

    /// <summary>Adds or replaces (by name) an endpoint; it receives events published from now on.</summary>
    public void Register(EventEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        EndpointDeliveryWorker? replaced;
        lock (_gate)
        {
            _workers.Remove(endpoint.Name, out replaced);
            _workers[endpoint.Name] = new EndpointDeliveryWorker(endpoint, _http, _options, _time, ErrorLog, _logger, OnSettled);
        }

        if (replaced is not null)
        {
            _ = replaced.DisposeAsync().AsTask();
        }
    }

    public async Task<bool> UnregisterAsync(string name)
    {
        EndpointDeliveryWorker? removed;
        lock (_gate)
        {
            _workers.Remove(name, out removed);
        }

        if (removed is null)
        {
            return false;
        }

        await removed.DisposeAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Delivers each of the next <paramref name="count"/> events twice (same EventId and ControlNumber).</summary>
    public void DuplicateNext(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _duplicateNext = count;
        }
    }

    /// <summary>Holds each of the next <paramref name="count"/> events back and delivers it after the one that follows it.</summary>
    public void ReorderNext(int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _reorderNext = count;
        }
    }

    /// <summary>Delivers a held-back event now, when no event followed it (a fault run ending), and reorders no more.</summary>
    public void ReleaseHeld()
    {
        lock (_gate)
        {
            _reorderNext = 0;
            if (_held is not null)
            {
                Enqueue(_held);
                _held = null;
            }
        }
    }

    public void Publish(IReadOnlyList<StoreChange> changes, Guid? initiatingUser = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            foreach (var change in changes)
            {
                var published = Create(change, initiatingUser);
                _published.AddLast(published);
                if (_published.Count > PublishedHistory)
                {
                    _published.RemoveFirst();
                }

                if (_reorderNext > 0 && _held is null)
                {
                    _reorderNext--;
                    _held = published;
                    continue;
                }

                Enqueue(published);
                if (_held is not null)
                {
                    Enqueue(_held);
                    _held = null;
                }
            }
        }
    }

    /// <summary>Delivers a logged event again (with its retries); false when the entry or its endpoint is gone.</summary>
    public bool Resend(Guid entryId)
    {
        lock (_gate)
        {
            if (!ErrorLog.TryRemove(entryId, out var entry))
            {
                return false;
            }

            if (!_workers.TryGetValue(entry!.EndpointName, out var worker)
                || !FinOpsChangeEventJson.TryParse(entry.EventJson, out var changeEvent, out _))
            {
                ErrorLog.Add(entry);
                return false;
            }

            Interlocked.Increment(ref _pending);
            worker.Enqueue(new PublishedEvent(changeEvent!, entry.EventJson));
            return true;
        }
    }

    /// <summary>Resends every logged event; returns how many were queued.</summary>
    public int ResendAll() => ErrorLog.Entries.Count(e => Resend(e.Id));

    /// <summary>Waits until no delivery is queued or in progress; false on timeout.</summary>
    public async Task<bool> WaitForIdleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (PendingDeliveries > 0 || _held is not null)
        {
            if (_time.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), _time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        List<EndpointDeliveryWorker> workers;
        lock (_gate)
        {
            workers = _workers.Values.ToList();
            _workers.Clear();
        }

        foreach (var worker in workers)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }
    }

    private PublishedEvent Create(StoreChange change, Guid? initiatingUser)
    {
        // Gaps of 1 to 3: consumers must rely on order, never on consecutive numbers.
#pragma warning disable CA5394 // Not security: repeatable gaps.
        _controlNumber += _gaps.Next(1, 4);
#pragma warning restore CA5394
        var company = RowKeys.Company(change.EntitySet, change.Row) ?? _sharedCompany;
        var changeEvent = new FinOpsChangeEvent(
            Guid.NewGuid().ToString("D"),
            _controlNumber,
            _time.GetUtcNow().UtcDateTime,
            company,
            change.EntitySet.Name,
            change.Operation,
            RowKeys.ToODataKey(change.EntitySet, change.Row))
        {
            InitiatingUser = initiatingUser,
        };
        return new PublishedEvent(changeEvent, FinOpsChangeEventJson.Write(changeEvent));
    }

    private void Enqueue(PublishedEvent published)
    {
        var copies = 1;
        if (_duplicateNext > 0)
        {
            _duplicateNext--;
            copies = 2;
        }

        foreach (var worker in _workers.Values)
        {
            for (var i = 0; i < copies; i++)
            {
                Interlocked.Increment(ref _pending);
                worker.Enqueue(published);
            }
        }
    }

    private void OnSettled() => Interlocked.Decrement(ref _pending);
}
