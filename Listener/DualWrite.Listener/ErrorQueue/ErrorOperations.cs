using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Core.Keys;
using DualWrite.Core.Maps;
using DualWrite.Listener.Admin;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Inbox;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>
/// The error queue as an operator works it, the same from the admin API and the CLI: list, show, retry (one, a map's, all),
/// discard. Every retry goes through the ordered path: a failed event goes back to Pending at its place in its record's
/// order; a bulk record error becomes a new change event of that record, queued behind the record's events, so the worker
/// re-reads the source record and applies it like any change.
/// </summary>
public sealed partial class ErrorOperations
{
    public const int DefaultLimit = 100;

    private readonly ErrorEntryStore _entries;
    private readonly IErrorQueue _queue;
    private readonly IEventInbox _inbox;
    private readonly MapCatalog _catalog;
    private readonly TimeProvider _time;
    private readonly ILogger<ErrorOperations> _logger;

    public ErrorOperations(ErrorEntryStore entries, IErrorQueue queue, IEventInbox inbox, MapCatalog catalog, TimeProvider time, ILogger<ErrorOperations> logger)
    {
        _entries = entries ?? throw new ArgumentNullException(nameof(entries));
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Takes in new failures and settles retried entries (the maintenance service does it every sweep).</summary>
    public Task RefreshAsync(CancellationToken cancellationToken) => _entries.SyncAsync(MapNameOf, cancellationToken);

    /// <summary>Open and retrying entries, newest failure first; <paramref name="includeSettled"/> adds resolved and discarded ones.</summary>
    public async Task<OperationResult<IReadOnlyList<ErrorEntry>>> ListAsync(string? map, int limit, bool includeSettled, CancellationToken cancellationToken)
    {
        if (limit < 1)
        {
            return OperationResult<IReadOnlyList<ErrorEntry>>.Fail(OperationProblemKind.BadRequest, "limit must be at least 1 (is " + limit.ToString(CultureInfo.InvariantCulture) + ").");
        }

        if (map is not null && _catalog.Maps.All(m => !string.Equals(m.Name, map, StringComparison.Ordinal)))
        {
            return OperationResult<IReadOnlyList<ErrorEntry>>.Fail(OperationProblemKind.NotFound, UnknownMap(map));
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return OperationResult<IReadOnlyList<ErrorEntry>>.Success(await _entries.ListAsync(map, includeSettled, limit, cancellationToken).ConfigureAwait(false));
    }

    public async Task<OperationResult<ErrorEntry>> ShowAsync(long id, CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        var entry = await _entries.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return entry is null ? NotFound<ErrorEntry>(id) : OperationResult<ErrorEntry>.Success(entry);
    }

    /// <summary>Sends one open entry back through the ordered path; returns the entry, now Retrying.</summary>
    public async Task<OperationResult<ErrorEntry>> RetryAsync(long id, CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        var entry = await _entries.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return NotFound<ErrorEntry>(id);
        }

        var problem = await RetryEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return OperationResult<ErrorEntry>.Fail(problem.Value.Kind, problem.Value.Detail);
        }

        return OperationResult<ErrorEntry>.Success((await _entries.GetAsync(id, cancellationToken).ConfigureAwait(false))!);
    }

    /// <summary>Retries every open entry of <paramref name="map"/>, or of every map when it is null.</summary>
    public async Task<OperationResult<RetrySummary>> RetryManyAsync(string? map, CancellationToken cancellationToken)
    {
        if (map is not null && _catalog.Maps.All(m => !string.Equals(m.Name, map, StringComparison.Ordinal)))
        {
            return OperationResult<RetrySummary>.Fail(OperationProblemKind.NotFound, UnknownMap(map));
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        var retried = new List<long>();
        var notRetried = new List<string>();
        var open = await _entries.ListAsync(map, includeSettled: false, int.MaxValue, cancellationToken).ConfigureAwait(false);
        foreach (var entry in open.Where(e => e.Status == ErrorEntryStatus.Open).OrderBy(e => e.Id))
        {
            var problem = await RetryEntryAsync(entry, cancellationToken).ConfigureAwait(false);
            if (problem is null)
            {
                retried.Add(entry.Id);
            }
            else
            {
                notRetried.Add(problem.Value.Detail);
            }
        }

        LogRetriedMany(_logger, map ?? "every map", retried.Count, notRetried.Count);
        return OperationResult<RetrySummary>.Success(new RetrySummary(retried, notRetried));
    }

    /// <summary>Drops one open entry with the operator's reason; a failed event is skipped, so its record's later events proceed.</summary>
    public async Task<OperationResult<ErrorEntry>> DiscardAsync(long id, string? reason, CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        var entry = await _entries.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return NotFound<ErrorEntry>(id);
        }

        if (entry.Status != ErrorEntryStatus.Open)
        {
            return NotOpen<ErrorEntry>(entry, "discarded");
        }

        var why = string.IsNullOrWhiteSpace(reason) ? "discarded by an operator" : reason.Trim();
        if (entry.Source == ErrorSource.Event && entry.EventId is not null && !await _queue.DiscardFailedAsync(entry.EventId, why, cancellationToken).ConfigureAwait(false))
        {
            return OperationResult<ErrorEntry>.Fail(OperationProblemKind.Conflict, Label(entry.Id) + " (map '" + entry.Map + "', key " + entry.Key + "): its event " + entry.EventId + " is no longer failed.");
        }

        await _entries.MarkDiscardedAsync(id, why, cancellationToken).ConfigureAwait(false);
        LogDiscarded(_logger, id, entry.Map, entry.Key, why);
        return OperationResult<ErrorEntry>.Success((await _entries.GetAsync(id, cancellationToken).ConfigureAwait(false))!);
    }

    /// <summary>The map an F&amp;O entity set belongs to (the entity set itself when no map covers it).</summary>
    public string MapNameOf(string entitySet) => _catalog.ForFinOpsEntitySet(entitySet)?.Name ?? entitySet;

    private async Task<(OperationProblemKind Kind, string Detail)?> RetryEntryAsync(ErrorEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Status != ErrorEntryStatus.Open)
        {
            return (OperationProblemKind.Conflict, Label(entry.Id) + " (map '" + entry.Map + "', key " + entry.Key + ") is " + entry.Status.ToString().ToLowerInvariant() + ", not open: it cannot be retried.");
        }

        string eventId;
        if (entry.Source == ErrorSource.Event && entry.EventId is not null)
        {
            // Back to Pending with its control number: it is its record's head again, so later events still wait behind it.
            if (!await _queue.RetryFailedAsync(entry.EventId, cancellationToken).ConfigureAwait(false))
            {
                return (OperationProblemKind.Conflict, Label(entry.Id) + " (map '" + entry.Map + "', key " + entry.Key + "): its event " + entry.EventId + " is no longer failed.");
            }

            eventId = entry.EventId;
        }
        else
        {
            var queued = await QueueRecordAsync(entry, cancellationToken).ConfigureAwait(false);
            if (queued.Problem is not null)
            {
                return (OperationProblemKind.Conflict, queued.Problem);
            }

            eventId = queued.EventId!;
        }

        await _entries.MarkRetryingAsync(entry.Id, eventId, cancellationToken).ConfigureAwait(false);
        LogRetried(_logger, entry.Id, entry.Map, entry.Key, eventId);
        return null;
    }

    /// <summary>
    /// A bulk failure retried: a change event of the record, numbered after the record's latest event, received into
    /// the inbox like one from F&amp;O. The worker reads the record's current values from F&amp;O, so nothing stale is written.
    /// </summary>
    private async Task<(string? EventId, string? Problem)> QueueRecordAsync(ErrorEntry entry, CancellationToken cancellationToken)
    {
        var map = _catalog.Maps.FirstOrDefault(m => string.Equals(m.Name, entry.Map, StringComparison.Ordinal));
        if (map is null)
        {
            return (null, Label(entry.Id) + ": " + UnknownMap(entry.Map));
        }

        if (!string.Equals(entry.Direction, nameof(SyncDirection.FinOpsToDataverse), StringComparison.Ordinal))
        {
            // Dataverse to F&O has no ordered inbox in the listener: the plug-in carries those saves.
            return (null, Label(entry.Id) + " (map '" + map.Name + "', key " + entry.Key + ") failed from Dataverse to F&O: save the record in Dataverse again, or run 'dualwrite initial-sync --map " + map.Name + "' to write it.");
        }

        var (key, company, problem) = ErrorRecordKeys.FinOpsKey(map, entry);
        if (problem is not null || key is null)
        {
            return (null, Label(entry.Id) + " (map '" + map.Name + "'): " + (problem ?? "key " + entry.Key + " is not a bulk source key."));
        }

        var recordKey = map.FinOps.EntitySet + key.ToPredicate();
        var existing = await _inbox.GetRecordEventsAsync(recordKey, cancellationToken).ConfigureAwait(false);
        var controlNumber = existing.Count == 0 ? 1 : existing.Max(e => e.ControlNumber) + 1;
        var changeEvent = new FinOpsChangeEvent(
            "retry-" + entry.Id.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N"),
            controlNumber,
            _time.GetUtcNow().UtcDateTime,
            company ?? string.Empty,
            map.FinOps.EntitySet,
            ChangeOperation.Update,
            key);
        await _inbox.ReceiveAsync(changeEvent, FinOpsChangeEventJson.Write(changeEvent), cancellationToken).ConfigureAwait(false);
        return (changeEvent.EventId, null);
    }

    private string UnknownMap(string map) =>
        "No map is named '" + map + "'. Known maps: " + string.Join(", ", _catalog.Maps.Select(m => m.Name).Order(StringComparer.Ordinal)) + ".";

    private static string Label(long id) => "Error " + id.ToString(CultureInfo.InvariantCulture);

    private static OperationResult<T> NotFound<T>(long id) =>
        OperationResult<T>.Fail(OperationProblemKind.NotFound, "No error-queue entry has id " + id.ToString(CultureInfo.InvariantCulture) + ".");

    private static OperationResult<T> NotOpen<T>(ErrorEntry entry, string action) =>
        OperationResult<T>.Fail(OperationProblemKind.Conflict, Label(entry.Id) + " (map '" + entry.Map + "', key " + entry.Key + ") is " + entry.Status.ToString().ToLowerInvariant() + ", not open: it cannot be " + action + ".");

    [LoggerMessage(Level = LogLevel.Information, Message = "Error {Id} (map '{Map}', key {Key}) sent back through the ordered path as event {EventId}.")]
    private static partial void LogRetried(ILogger logger, long id, string map, string key, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retried the open errors of {Scope}: {Retried} sent back, {NotRetried} could not be.")]
    private static partial void LogRetriedMany(ILogger logger, string scope, int retried, int notRetried);

    [LoggerMessage(Level = LogLevel.Information, Message = "Error {Id} (map '{Map}', key {Key}) discarded: {Reason}")]
    private static partial void LogDiscarded(ILogger logger, long id, string map, string key, string reason);
}
