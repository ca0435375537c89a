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
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Applying;

/// <summary>
/// The batched half of the applier: many events (one per record) read from F&amp;O and Dataverse in a few filtered
/// requests, decided one by one by the same code as a single event, and written in one bulk call. Anything unusual
/// (deletes, records F&amp;O no longer has, write-throughs, paused maps, keys that cannot be matched in bulk) takes the
/// single path, event by event.
/// </summary>
public sealed partial class ChangeApplier
{
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
        // 1. F&O's current records, by key; an event whose record is not in the answer (deleted, or a key we do not
        // match in bulk) goes the single way, which reads it by key and deletes in Dataverse when it is gone.
        var unnamed = map.FinOps.KeyFields[0];
        var matchable = new List<BatchEntry>();
        foreach (var entry in entries)
        {
            if (BatchKeyFilter.KeyText(entry.Change.EntityKey, unnamed) is null)
            {
                single.Add(entry.Index);
            }
            else
            {
                matchable.Add(entry);
            }
        }

        var finOpsRows = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        var finOpsFields = matchable.Count == 0 ? Array.Empty<string>() : matchable[0].Change.EntityKey.Parts.Select(p => p.Name ?? unnamed).ToArray();
        var readable = new List<BatchEntry>();
        foreach (var (chunk, filter) in BatchKeyFilter.Chunk(matchable, e => BatchKeyFilter.Clause(e.Change.EntityKey, unnamed)))
        {
            var read = await _finOps.QueryAllAsync(map.FinOps.EntitySet, new ODataQuery { Filter = filter }, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!read.Succeeded)
            {
                var outcome = ErrorOutcomes.From(read.Error, "Map '" + map.Name + "': read " + chunk.Count + " records of " + map.FinOps.EntitySet);
                foreach (var entry in chunk)
                {
                    outcomes[entry.Index] = outcome;
                }

                continue;
            }

            foreach (var row in read.Value!)
            {
                if (BatchKeyFilter.RowText(row, finOpsFields) is { } text)
                {
                    finOpsRows[text] = row;
                }
            }

            readable.AddRange(chunk);
        }

        // 2. Filter and mapping, as the single path does them (lookup ids come from the resolver's cache after the first).
        var inputs = new List<(BatchEntry Entry, UpsertInput Input)>();
        foreach (var entry in readable)
        {
            if (!finOpsRows.TryGetValue(BatchKeyFilter.KeyText(entry.Change.EntityKey, unnamed)!, out var row))
            {
                single.Add(entry.Index);
                continue;
            }

            var source = FinOpsRecordReader.Read(map, row);
            if (map.FinOps.Filter is { } recordFilter && !recordFilter.Evaluate(name => source[name]?.Value))
            {
                var finOpsPath = ODataKeyFormatter.EntityPath(entry.Change.EntitySet, entry.Change.EntityKey);
                outcomes[entry.Index] = ApplyOutcome.Skipped("Map '" + map.Name + "': " + finOpsPath + " is outside the F&O filter " + map.FinOps.FilterText + ".");
                continue;
            }

            var (result, problem) = await MapAsync(map, source, SyncOperation.Create, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                outcomes[entry.Index] = problem;
                continue;
            }

            if (!result!.TargetKey!.IsUsableInUrl || BatchKeyFilter.KeyText(result.TargetKey.Key!, map.Dataverse.KeyFields[0]) is null)
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

        // 3. Dataverse's current records by alternate key, then the same decision as one event at a time.
        var current = await ReadCurrentInBulkAsync(map, inputs, outcomes, cancellationToken).ConfigureAwait(false);
        var plans = new List<(BatchEntry Entry, PlannedUpsert Plan)>();
        foreach (var (entry, input) in inputs)
        {
            if (outcomes[entry.Index] is not null)
            {
                continue;
            }

            var (plan, decided) = await DecideAsync(input, current.GetValueOrDefault(TargetText(input)), cancellationToken).ConfigureAwait(false);
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

    /// <summary>The Dataverse records of the inputs, by key text; a failed read sets the outcome of its inputs.</summary>
    private async Task<Dictionary<string, JsonObject>> ReadCurrentInBulkAsync(TableMap map, List<(BatchEntry Entry, UpsertInput Input)> inputs, ApplyOutcome?[] outcomes, CancellationToken cancellationToken)
    {
        var unnamed = map.Dataverse.KeyFields[0];
        var keyFields = inputs[0].Input.Result.TargetKey!.Key!.Parts.Select(p => p.Name ?? unnamed).ToArray();
        var select = BothWays(map).Union(keyFields).ToList();
        var rows = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var (chunk, filter) in BatchKeyFilter.Chunk(inputs, i => BatchKeyFilter.Clause(i.Input.Result.TargetKey!.Key!, unnamed)))
        {
            var read = await _dataverse.QueryAllAsync(map.Dataverse.EntitySet, new ODataQuery { Filter = filter, Select = select }, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!read.Succeeded)
            {
                var outcome = ErrorOutcomes.From(read.Error, "Map '" + map.Name + "': read " + chunk.Count + " Dataverse records of " + map.Dataverse.EntitySet);
                foreach (var (entry, _) in chunk)
                {
                    outcomes[entry.Index] = outcome;
                }

                continue;
            }

            foreach (var row in read.Value!)
            {
                if (BatchKeyFilter.RowText(row, keyFields) is { } text)
                {
                    rows[text] = row;
                }
            }
        }

        return rows;
    }

    private async Task WriteInBulkAsync(TableMap map, List<(BatchEntry Entry, PlannedUpsert Plan)> plans, ApplyOutcome?[] outcomes, CancellationToken cancellationToken)
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
                    outcomes[entry.Index] = await WrittenAsync(plan, cancellationToken).ConfigureAwait(false);
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
                    ? await WrittenAsync(plan, cancellationToken).ConfigureAwait(false)
                    : NotWritten(plan, part.Error!, path);
            }
        }
    }

    private static string TargetText(UpsertInput input) =>
        BatchKeyFilter.KeyText(input.Result.TargetKey!.Key!, input.Map.Dataverse.KeyFields[0])!;

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
