using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Events;
using DualWrite.Core.Keys;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.Processing;
using DualWrite.Listener.SyncState;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Applying;

/// <summary>
/// The batched half of the applier: many events (one per record) read from F&amp;O and Dataverse by key in a few <c>$batch</c>
/// requests, decided one by one by the same code as a single event, and written in one bulk call. Anything unusual
/// (deletes, records F&amp;O no longer has, write-throughs, paused maps, keys Dataverse will not take in a URL) takes the
/// single path, event by event.
/// </summary>
public sealed partial class ChangeApplier
{
    /// <summary>GETs per <c>$batch</c> request: well under Dataverse's 1,000 operations, small enough to answer quickly.</summary>
    private const int ReadsPerBatch = 250;

    public async Task<IReadOnlyList<ApplyOutcome>> ApplyBatchAsync(IReadOnlyList<InboxEvent> inboxEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvents);
        var outcomes = new ApplyOutcome?[inboxEvents.Count];
        var single = new List<int>();
        var byMap = new Dictionary<TableMap, List<BatchEntry>>();
        var paused = (await _mapStates.GetPausedMapsAsync(cancellationToken).ConfigureAwait(false)).Select(p => p.MapName).ToHashSet(StringComparer.Ordinal);
        var seenRecords = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inboxEvents.Count; i++)
        {
            var inboxEvent = inboxEvents[i];
            var changeEvent = TryParse(inboxEvent);
            var map = changeEvent is null ? null : _catalog.ForFinOpsEntitySet(changeEvent.EntitySet);
            if (changeEvent is null || map is null || !map.Direction.Carries(SyncDirection.FinOpsToDataverse) || paused.Contains(map.Name)
                || changeEvent.Operation == ChangeOperation.Delete
                || (changeEvent.InitiatingUser is { } user && _options.WriteThroughUsers.Contains(user))
                || !seenRecords.Add(inboxEvent.RecordKey))
            {
                // The single path says what to do (skip, park, settle, delete); a second event of one record waits its turn.
                single.Add(i);
                continue;
            }

            if (!byMap.TryGetValue(map, out var entries))
            {
                byMap[map] = entries = new List<BatchEntry>();
            }

            entries.Add(new BatchEntry(i, inboxEvent, changeEvent));
        }

        foreach (var (map, entries) in byMap)
        {
            await ApplyMapBatchAsync(map, entries, outcomes, single, cancellationToken).ConfigureAwait(false);
        }

        foreach (var index in single.Order())
        {
            outcomes[index] = await ApplyOneSafelyAsync(inboxEvents[index], cancellationToken).ConfigureAwait(false);
        }

        return outcomes.Select(o => o ?? ApplyOutcome.RetryLater("The batch left this event without an outcome.")).ToList();
    }

    private async Task ApplyMapBatchAsync(TableMap map, List<BatchEntry> entries, ApplyOutcome?[] outcomes, List<int> single, CancellationToken cancellationToken)
    {
        // 1. F&O's current records, by key in $batch GETs; an event whose record is gone (404) goes the single way,
        // which reads it again and deletes in Dataverse.
        var finOpsPaths = entries.Select(e => ODataKeyFormatter.EntityPath(e.Change.EntitySet, e.Change.EntityKey) + "?cross-company=true").ToList();
        var finOpsRows = await ReadInBulkAsync(
            finOpsPaths,
            chunk => _finOps.BatchAsync(chunk, atomic: false, cancellationToken),
            "Map '" + map.Name + "': read records of " + map.FinOps.EntitySet).ConfigureAwait(false);

        // 2. Filter and mapping, as the single path does them (lookup ids come from the resolver's cache after the first).
        var inputs = new List<(BatchEntry Entry, UpsertInput Input)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var (row, problem) = finOpsRows[i];
            if (problem is not null)
            {
                outcomes[entry.Index] = problem;
                continue;
            }

            if (row is null)
            {
                single.Add(entry.Index);
                continue;
            }

            var source = FinOpsRecordReader.Read(map, row);
            if (map.FinOps.Filter is { } recordFilter && !recordFilter.Evaluate(name => source[name]?.Value))
            {
                outcomes[entry.Index] = ApplyOutcome.Skipped("Map '" + map.Name + "': " + ODataKeyFormatter.EntityPath(entry.Change.EntitySet, entry.Change.EntityKey) + " is outside the F&O filter " + map.FinOps.FilterText + ".");
                continue;
            }

            var (result, mapped) = await MapAsync(map, source, SyncOperation.Create, cancellationToken).ConfigureAwait(false);
            if (mapped is not null)
            {
                outcomes[entry.Index] = mapped;
                continue;
            }

            if (!result!.TargetKey!.IsUsableInUrl)
            {
                single.Add(entry.Index);
                continue;
            }

            var received = entry.Event.FirstReceivedAt.UtcDateTime;
            var finOpsModified = entry.Change.EventTimeUtc > received ? received : entry.Change.EventTimeUtc;
            inputs.Add((entry, new UpsertInput(map, result, row, entry.Event.RecordKey, entry.Event.EventId, finOpsModified, Authoritative: false)));
        }

        if (inputs.Count == 0)
        {
            return;
        }

        // 3. Dataverse's current records by alternate key in $batch GETs (404: not there yet), then the same decision
        // as one event at a time.
        var select = "?$select=" + string.Join(",", BothWays(map));
        var current = await ReadInBulkAsync(
            inputs.Select(i => i.Input.Result.TargetKey!.Path! + select).ToList(),
            chunk => _dataverse.BatchAsync(chunk, atomic: false, null, cancellationToken),
            "Map '" + map.Name + "': read records of " + map.Dataverse.EntitySet).ConfigureAwait(false);
        var syncedRecords = (await _syncState.GetSyncedRecordsAsync(inputs.Select(i => i.Input.RecordKey).ToList(), cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.RecordKey, StringComparer.Ordinal);
        var plans = new List<(BatchEntry Entry, PlannedUpsert Plan)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (entry, input) = inputs[i];
            var (row, problem) = current[i];
            if (problem is not null)
            {
                outcomes[entry.Index] = problem;
                continue;
            }

            var (plan, decided) = await DecideAsync(input, row, cancellationToken, syncedRecords).ConfigureAwait(false);
            if (plan is null)
            {
                outcomes[entry.Index] = decided;
            }
            else
            {
                plans.Add((entry, plan));
            }
        }

        // 4. One bulk write for every record with something to write.
        if (plans.Count > 0)
        {
            await WriteInBulkAsync(map, plans, outcomes, cancellationToken).ConfigureAwait(false);
            LogBatchWritten(map.Name, plans.Count, entries.Count);
        }
    }

    /// <summary>
    /// GETs <paramref name="paths"/> in <c>$batch</c> requests of at most <see cref="ReadsPerBatch"/>: per path the record, null
    /// when it is not there (404), or the outcome of a failed read.
    /// </summary>
    private static async Task<IReadOnlyList<(JsonObject? Row, ApplyOutcome? Problem)>> ReadInBulkAsync(
        IReadOnlyList<string> paths, Func<IReadOnlyList<BatchOperation>, Task<ODataResult<IReadOnlyList<BatchOperationResult>>>> send, string context)
    {
        var rows = new (JsonObject?, ApplyOutcome?)[paths.Count];
        for (var start = 0; start < paths.Count; start += ReadsPerBatch)
        {
            var count = Math.Min(ReadsPerBatch, paths.Count - start);
            var answered = await send(paths.Skip(start).Take(count).Select(BatchOperation.Get).ToList()).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                BatchOperationResult? part = answered.Succeeded ? answered.Value!.FirstOrDefault(r => r.Index == i) : null;
                rows[start + i] = !answered.Succeeded ? (null, ErrorOutcomes.From(answered.Error, context))
                    : part is null ? (null, ApplyOutcome.RetryLater(context + ": the batch answered no part for " + paths[start + i] + "."))
                    : part.Succeeded ? (part.Body, null)
                    : part.Error!.IsNotFound ? (null, null)
                    : (null, ErrorOutcomes.From(part.Error, context + " (" + paths[start + i] + ")"));
            }
        }

        return rows;
    }

    /// <summary>Writes the plans in one call, then saves the new bases of those written in one transaction.</summary>
    private async Task WriteInBulkAsync(TableMap map, List<(BatchEntry Entry, PlannedUpsert Plan)> plans, ApplyOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        var saves = new List<SyncedRecordWrite>();
        await WritePlansAsync(map, plans, outcomes, saves, cancellationToken).ConfigureAwait(false);
        if (saves.Count > 0)
        {
            await _syncState.SaveSyncedRecordsAsync(saves, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A written plan: its new base queued for the batch's save, the event applied.</summary>
    private ApplyOutcome Written(PlannedUpsert plan, List<SyncedRecordWrite> saves)
    {
        if (MergedSynced(plan.Resolution, plan.Synced, plan.KeptAgreed) is { } json)
        {
            saves.Add(new SyncedRecordWrite(plan.Input.RecordKey, json));
        }

        LogWritten(plan.Input.Map.Name, plan.Input.Result.SourceKey, plan.Creating ? "created" : "updated", plan.Body.Count);
        return ApplyOutcome.Applied;
    }

    private async Task WritePlansAsync(TableMap map, List<(BatchEntry Entry, PlannedUpsert Plan)> plans, ApplyOutcome?[] outcomes, List<SyncedRecordWrite> saves, CancellationToken cancellationToken)
    {
        if (_bulkWriter is not null)
        {
            var items = plans.Select(p => new BulkItem(p.Plan.Input.RecordKey, p.Plan.Input.Result.SourceKey, p.Plan.Input.Result.TargetKey!.Path, p.Plan.Body)).ToList();
            var result = await _bulkWriter.WriteAsync(map, SyncDirection.FinOpsToDataverse, items, cancellationToken).ConfigureAwait(false);
            var written = result.Written.Select(i => i.RecordKey).ToHashSet(StringComparer.Ordinal);
            var failed = new Dictionary<string, BulkItemError>(StringComparer.Ordinal);
            foreach (var error in result.Failed)
            {
                failed[error.Item.RecordKey] = error;
            }

            foreach (var (entry, plan) in plans)
            {
                if (written.Contains(plan.Input.RecordKey))
                {
                    outcomes[entry.Index] = Written(plan, saves);
                }
                else if (failed.TryGetValue(plan.Input.RecordKey, out var error))
                {
                    _lookups.Forget(plan.Input.Result.Payload.Where(p => p.IsBind && p.Value.TryGetString(out _)).Select(p => ((string)p.Value.Value!).TrimStart('/')));
                    var reason = plan.Context + ": write " + plan.Input.Result.TargetKey!.Path + (error.Field is null ? string.Empty : " (" + error.Field + ")") + ": " + error.Reason;
                    outcomes[entry.Index] = error.Transient ? ApplyOutcome.RetryLater(reason) : ApplyOutcome.Failed(reason);
                }
                else
                {
                    outcomes[entry.Index] = ApplyOutcome.RetryLater(plan.Context + ": the bulk write reported neither success nor failure.");
                }
            }

            return;
        }

        // No bulk writer registered: one $batch of upserts by alternate key, each part answered on its own.
        var operations = plans.Select(p => new BatchOperation(
            HttpMethod.Patch,
            p.Plan.Input.Result.TargetKey!.Path!,
            p.Plan.Body,
            p.Plan.Creating ? null : "*")).ToList();
        var answered = await _dataverse.BatchAsync(operations, atomic: false, DataverseClient.IntegrationTag, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < plans.Count; i++)
        {
            var (entry, plan) = plans[i];
            var path = plan.Input.Result.TargetKey!.Path!;
            if (!answered.Succeeded)
            {
                outcomes[entry.Index] = ErrorOutcomes.From(answered.Error, plan.Context + ": write " + path + " in a batch of " + plans.Count);
            }
            else if (answered.Value!.FirstOrDefault(r => r.Index == i) is not { } part)
            {
                outcomes[entry.Index] = ApplyOutcome.RetryLater(plan.Context + ": the batch answered no part for " + path + ".");
            }
            else
            {
                outcomes[entry.Index] = part.Succeeded
                    ? Written(plan, saves)
                    : NotWritten(plan, part.Error!, path);
            }
        }
    }

    private static FinOpsChangeEvent? TryParse(InboxEvent inboxEvent)
    {
        try
        {
            return inboxEvent.ToChangeEvent();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>One event the single way; an exception becomes RetryLater for that event alone, as the worker would make it.</summary>
    private async Task<ApplyOutcome> ApplyOneSafelyAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        try
        {
            return await ApplyAsync(inboxEvent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSingleThrew(ex, inboxEvent.EventId, inboxEvent.RecordKey);
            return ApplyOutcome.RetryLater("The applier threw " + ex.GetType().Name + ": " + ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Map '{Map}': wrote {Written} of a batch of {Events} events in one bulk call")]
    private partial void LogBatchWritten(string map, int written, int events);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying event {EventId} of {RecordKey} in a batch threw; it will be retried")]
    private partial void LogSingleThrew(Exception exception, string eventId, string recordKey);
}
