using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Conflicts;
using DualWrite.Core.Events;
using DualWrite.Core.Keys;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Core.Wire;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Clients.OData;
using DualWrite.Listener.Conflicts;
using DualWrite.Listener.Monitoring;
using DualWrite.Listener.Inbox;
using DualWrite.Listener.MapStates;
using DualWrite.Listener.Processing;
using DualWrite.Listener.SyncState;
using Microsoft.Extensions.Logging;

namespace DualWrite.Listener.Applying;

/// <summary>
/// Applies one F&amp;O change event to Dataverse. The event is only a hint: the current F&amp;O record is read
/// by key (a 404 means deleted), so duplicates and reordering cannot bring old data back. The record is
/// mapped with Core, the current Dataverse record read by alternate key, the map's conflict policy applied
/// against the last synced values, and only what differs written (an upsert by alternate key, lookups by
/// <c>@odata.bind</c>, <c>?tag=DualWrite</c> so our plug-in does not send it back). Nothing differing means
/// nothing written: that drops the echo of a plug-in write.
/// </summary>
public sealed partial class ChangeApplier : IChangeApplier
{
    private const int MaxMappingPasses = 4;

    private readonly MapCatalog _catalog;
    private readonly FinOpsClient _finOps;
    private readonly DataverseClient _dataverse;
    private readonly ISyncStateStore _syncState;
    private readonly IConflictStore _conflicts;
    private readonly IMapStateStore _mapStates;
    private readonly DataverseLookupResolver _lookups;
    private readonly FinOpsWriteBack _writeBack;
    private readonly WriteThroughLedgerClient _ledger;
    private readonly TimeProvider _time;
    private readonly ApplierOptions _options;
    private readonly ILogger<ChangeApplier> _logger;

    /// <summary>Writes a batch's records in one call; without one, a batch goes as one Dataverse <c>$batch</c>.</summary>
    private readonly IBulkWriter? _bulkWriter;

    private readonly SyncMetrics? _metrics;

    public ChangeApplier(
        MapCatalog catalog,
        FinOpsClient finOps,
        DataverseClient dataverse,
        DataverseLookupResolver lookups,
        ISyncStateStore syncState,
        IConflictStore conflicts,
        IMapStateStore mapStates,
        ApplierOptions options,
        ILogger<ChangeApplier> logger,
        TimeProvider? timeProvider = null,
        IBulkWriter? bulkWriter = null,
        SyncMetrics? metrics = null)
    {
        _metrics = metrics;
        _bulkWriter = bulkWriter;
        _time = timeProvider ?? TimeProvider.System;
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _finOps = finOps ?? throw new ArgumentNullException(nameof(finOps));
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
        _lookups = lookups ?? throw new ArgumentNullException(nameof(lookups));
        _syncState = syncState ?? throw new ArgumentNullException(nameof(syncState));
        _conflicts = conflicts ?? throw new ArgumentNullException(nameof(conflicts));
        _mapStates = mapStates ?? throw new ArgumentNullException(nameof(mapStates));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _writeBack = new FinOpsWriteBack(finOps, dataverse, _catalog);
        _ledger = new WriteThroughLedgerClient(dataverse);
    }

    /// <summary>The write-back of Dataverse's values to F&amp;O, shared with the conflict writer.</summary>
    internal FinOpsWriteBack WriteBack => _writeBack;

    public async Task<ApplyOutcome> ApplyAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxEvent);
        var changeEvent = inboxEvent.ToChangeEvent();
        var map = _catalog.ForFinOpsEntitySet(changeEvent.EntitySet);
        if (map is null || !map.Direction.Carries(SyncDirection.FinOpsToDataverse))
        {
            return ApplyOutcome.Skipped("No map brings F&O entity set " + changeEvent.EntitySet + " to Dataverse.");
        }

        if (await PausedAsync(map, cancellationToken).ConfigureAwait(false) is { } paused)
        {
            // A stopped map is not synced (as in dual-write): its changes are dropped, not kept for later.
            return paused.Stopped
                ? ApplyOutcome.Skipped("Map '" + map.Name + "' is stopped; its changes are not synced.")
                : ApplyOutcome.WhenMapResumed(map.Name, "Map '" + map.Name + "' is paused; the change waits until it is resumed.");
        }

        var finOpsPath = ODataKeyFormatter.EntityPath(changeEvent.EntitySet, changeEvent.EntityKey);
        var read = await _finOps.GetAsync(finOpsPath, null, cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            return ErrorOutcomes.From(read.Error, "Map '" + map.Name + "': read " + finOpsPath);
        }

        if (changeEvent.InitiatingUser is { } user && _options.WriteThroughUsers.Contains(user))
        {
            // Our plug-in's write: its Dataverse save may still roll back. Nothing is copied to Dataverse before
            // the save's ledger row is seen; a change whose row never commits is reverted in F&O.
            var settled = await SettleWriteThroughAsync(map, inboxEvent, changeEvent, finOpsPath, read.Value, cancellationToken).ConfigureAwait(false);
            if (settled is not null)
            {
                return settled;
            }
        }

        if (read.Value is null)
        {
            return await RemoveAsync(map, changeEvent, inboxEvent.RecordKey, cancellationToken).ConfigureAwait(false);
        }

        var source = FinOpsRecordReader.Read(map, read.Value);
        if (map.FinOps.Filter is { } filter && !filter.Evaluate(name => source[name]?.Value))
        {
            return ApplyOutcome.Skipped("Map '" + map.Name + "': " + finOpsPath + " is outside the F&O filter " + map.FinOps.FilterText + ".");
        }

        // F&O's entities publish no modification time, so the event's time stands in for it; a sender cannot date a
        // change later than its arrival, so a clock running ahead (or a forged year 9999) cannot win every conflict.
        var received = inboxEvent.FirstReceivedAt.UtcDateTime;
        var finOpsModified = changeEvent.EventTimeUtc > received ? received : changeEvent.EventTimeUtc;
        return await UpsertAsync(map, source, read.Value, inboxEvent.RecordKey, inboxEvent.EventId, finOpsModified, authoritative: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Brings one F&amp;O record already read (an initial sync page) into Dataverse: filter, mapping, and every field
    /// that differs from what Dataverse holds now takes F&amp;O's value. The records are the truth, not the stored
    /// last-synced values: a Dataverse restored from a backup is repaired. <paramref name="readAtUtc"/> stands in for
    /// the F&amp;O modification time.
    /// </summary>
    public async Task<ApplyOutcome> SyncRecordAsync(TableMap map, JsonObject finOpsRecord, DateTime readAtUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(finOpsRecord);
        var source = FinOpsRecordReader.Read(map, finOpsRecord);
        var parts = new List<KeyValuePair<string, object>>();
        foreach (var keyField in map.FinOps.KeyFields)
        {
            if (source[keyField]?.Value is not { } value)
            {
                return ApplyOutcome.Failed("Map '" + map.Name + "': an F&O " + map.FinOps.EntitySet + " record has no " + keyField + ".");
            }

            parts.Add(new(keyField, value));
        }

        var recordKey = map.FinOps.EntitySet + ODataKey.Named(parts).ToPredicate();
        if (map.FinOps.Filter is { } filter && !filter.Evaluate(name => source[name]?.Value))
        {
            return ApplyOutcome.Skipped("Map '" + map.Name + "': " + recordKey + " is outside the F&O filter " + map.FinOps.FilterText + ".");
        }

        return await UpsertAsync(map, source, finOpsRecord, recordKey, null, readAtUtc, authoritative: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PausedMap?> PausedAsync(TableMap map, CancellationToken cancellationToken)
    {
        var paused = await _mapStates.GetPausedMapsAsync(cancellationToken).ConfigureAwait(false);
        return paused.FirstOrDefault(p => string.Equals(p.MapName, map.Name, StringComparison.Ordinal));
    }

    /// <param name="authoritative">
    /// F&amp;O is the master (initial sync): the comparison base is what Dataverse holds now, so every difference is
    /// written with F&amp;O's value. Otherwise the base is the last synced values and the map's conflict policy decides.
    /// </param>
    private async Task<ApplyOutcome> UpsertAsync(TableMap map, DataRecord source, JsonObject finOpsJson, string recordKey, string? eventId, DateTime finOpsModifiedUtc, bool authoritative, CancellationToken cancellationToken)
    {
        var (result, problem) = await MapAsync(map, source, SyncOperation.Create, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var current = await ReadCurrentAsync(map, result!.TargetKey!, BothWays(map), cancellationToken).ConfigureAwait(false);
        if (!current.Succeeded)
        {
            return ErrorOutcomes.From(current.Error, "Map '" + map.Name + "', key " + result.SourceKey + ": read the Dataverse record");
        }

        var (plan, decided) = await DecideAsync(new UpsertInput(map, result, finOpsJson, recordKey, eventId, finOpsModifiedUtc, authoritative), current.Value, cancellationToken).ConfigureAwait(false);
        return plan is null ? decided! : await WriteOneAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The decision both the single and the batched path take for one mapped record, given the Dataverse record as it is
    /// now: the conflict policy against the last synced values, manual review to the conflict store, values kept from
    /// Dataverse written back to F&amp;O, and what is left to write. Either a plan to write, or the outcome when nothing is.
    /// </summary>
    /// <param name="preloadedSynced">A batch's last synced values read in one query (null: read this record's now).</param>
    private async Task<(PlannedUpsert? Plan, ApplyOutcome? Outcome)> DecideAsync(UpsertInput input, JsonObject? currentJson, CancellationToken cancellationToken, IReadOnlyDictionary<string, SyncedRecord>? preloadedSynced = null)
    {
        var (map, result, finOpsJson, recordKey) = (input.Map, input.Result, input.FinOpsJson, input.RecordKey);
        var context = "Map '" + map.Name + "', key " + result.SourceKey;
        var currentRecord = currentJson is null ? null : DataverseRecordReader.Read(map, currentJson);
        var synced = preloadedSynced is not null
            ? preloadedSynced.GetValueOrDefault(recordKey)
            : await _syncState.GetSyncedRecordAsync(recordKey, cancellationToken).ConfigureAwait(false);
        var lastSynced = input.Authoritative ? CurrentAsBase(map, currentRecord) : SyncedValues.Read(synced?.FieldsJson);
        var payloadByField = new Dictionary<FieldMap, PayloadField>();
        foreach (var field in result.Payload)
        {
            if (field.Field is not null)
            {
                payloadByField[field.Field] = field;
            }
        }

        var versions = new List<FieldVersions>();
        foreach (var field in map.Fields)
        {
            if (!field.Carries(SyncDirection.FinOpsToDataverse))
            {
                continue;
            }

            var column = field.DataverseField!;
            RecordValue? finOps = payloadByField.TryGetValue(field, out var payload) ? ValueOf(payload) : null;
            RecordValue? dataverse = currentRecord is null ? null : currentRecord[column] ?? RecordValue.Null;
            versions.Add(new FieldVersions(field, lastSynced.GetValueOrDefault(column), finOps, dataverse));
        }

        var dataverseModified = currentJson is null ? null : DataverseRecordReader.ModifiedOn(currentJson);
        var resolution = ConflictResolver.Resolve(new ConflictRequest(map, versions, input.FinOpsModifiedUtc, dataverseModified, result.SourceKey));
        _metrics?.Resolved(map.Name, resolution);
        if (resolution.Outcome == ConflictOutcome.ManualReview)
        {
            var conflictId = await _conflicts.AddConflictAsync(
                new NewConflict(recordKey, map.Name, input.EventId, finOpsJson.ToJsonString(), currentJson!.ToJsonString(), synced?.FieldsJson, resolution.ReviewReason!),
                cancellationToken).ConfigureAwait(false);
            LogConflictQueued(map.Name, result.SourceKey, conflictId);
            return (null, ApplyOutcome.Skipped("Conflict " + conflictId + " queued for manual review. " + resolution.ReviewReason));
        }

        // Values the policy kept from Dataverse go to F&O now, by the listener itself: nothing else would carry them.
        var keptForFinOps = await WriteKeptToFinOpsAsync(map, resolution, currentJson, recordKey, finOpsJson, result.SourceKey, cancellationToken).ConfigureAwait(false);
        if (keptForFinOps.Problem is not null)
        {
            return (null, keptForFinOps.Problem);
        }

        if (resolution.Outcome == ConflictOutcome.NothingToWrite)
        {
            await SaveSyncedAsync(recordKey, resolution, synced, keptForFinOps.Agreed, cancellationToken).ConfigureAwait(false);
            return (null, ApplyOutcome.Skipped(context + ": Dataverse already holds these values" + Kept(keptForFinOps.Fields) + "."));
        }

        var creating = currentRecord is null;
        var toWrite = new HashSet<FieldMap>(resolution.ToWrite.Select(d => d.Field));
        var body = PayloadBody.From(creating ? result.Payload : result.Payload.Where(p => p.Field is not null && toWrite.Contains(p.Field)), WireTarget.Dataverse);
        return (new PlannedUpsert(input, context, body, creating, currentJson, resolution, synced, keptForFinOps.Agreed), null);
    }

    /// <summary>The single path's write: one upsert by alternate key (by id or a create when the key cannot go in a URL).</summary>
    private async Task<ApplyOutcome> WriteOneAsync(PlannedUpsert plan, CancellationToken cancellationToken)
    {
        var map = plan.Input.Map;
        var targetKey = plan.Input.Result.TargetKey!;
        var path = targetKey.IsUsableInUrl ? targetKey.Path! : null;
        ODataResult<Guid?> written;
        if (path is not null)
        {
            written = await _dataverse.UpsertAsync(path, plan.Body, plan.Creating ? UpsertMode.CreateOrUpdate : UpsertMode.UpdateOnly, DataverseClient.IntegrationTag, cancellationToken).ConfigureAwait(false);
        }
        else if (plan.Creating)
        {
            written = await _dataverse.CreateAsync(map.Dataverse.EntitySet, plan.Body, DataverseClient.IntegrationTag, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var id = plan.Current![map.Dataverse.LogicalName + "id"]!.GetValue<string>();
            written = await _dataverse.UpsertAsync(map.Dataverse.EntitySet + "(" + id + ")", plan.Body, UpsertMode.UpdateOnly, DataverseClient.IntegrationTag, cancellationToken).ConfigureAwait(false);
        }

        return written.Succeeded
            ? await WrittenAsync(plan, cancellationToken).ConfigureAwait(false)
            : NotWritten(plan, written.Error, path ?? map.Dataverse.EntitySet);
    }

    /// <summary>After a successful write: the new base saved, the event applied.</summary>
    private async Task<ApplyOutcome> WrittenAsync(PlannedUpsert plan, CancellationToken cancellationToken)
    {
        await SaveSyncedAsync(plan.Input.RecordKey, plan.Resolution, plan.Synced, plan.KeptAgreed, cancellationToken).ConfigureAwait(false);
        LogWritten(plan.Input.Map.Name, plan.Input.Result.SourceKey, plan.Creating ? "created" : "updated", plan.Body.Count);
        return ApplyOutcome.Applied;
    }

    /// <summary>A refused write: the cached ids it bound to are suspect, and the error decides retry or failure.</summary>
    private ApplyOutcome NotWritten(PlannedUpsert plan, ODataError error, string target)
    {
        _lookups.Forget(plan.Input.Result.Payload.Where(p => p.IsBind && p.Value.TryGetString(out _)).Select(p => ((string)p.Value.Value!).TrimStart('/')));
        return ErrorOutcomes.From(error, plan.Context + ": write " + target);
    }

    /// <summary>Maps until every Dataverse id the engine or a bind needs is known; an outcome when that cannot be.</summary>
    private async Task<(MappingResult? Result, ApplyOutcome? Problem)> MapAsync(TableMap map, DataRecord source, SyncOperation operation, CancellationToken cancellationToken)
    {
        var mapping = new MappingLoop(new MappingRequest(map, SyncDirection.FinOpsToDataverse, source, operation), MaxMappingPasses, findBoundIds: true);
        for (var pending = mapping.Map(); ; pending = mapping.Map())
        {
            if (!mapping.Result.Succeeded)
            {
                return (mapping.Result, ApplyOutcome.Failed(string.Join(" ", mapping.Result.Errors)));
            }

            if (pending.Count == 0)
            {
                break;
            }

            var outcome = await _lookups.ResolveAsync(map, mapping.Result.SourceKey, source.Company, pending, mapping.Resolved, cancellationToken).ConfigureAwait(false);
            if (outcome is not null)
            {
                return (mapping.Result, outcome);
            }
        }

        if (!mapping.Result.IsComplete)
        {
            return (mapping.Result, ApplyOutcome.RetryLater("Map '" + map.Name + "', key " + mapping.Result.SourceKey + ": the Dataverse key could not be completed in "
                + mapping.Passes + " passes" + Unresolved(mapping) + "."));
        }

        return (mapping.Result, null);
    }

    private static string Unresolved(MappingLoop mapping) =>
        mapping.Unresolved.Count == 0 ? string.Empty : " (unresolved: " + string.Join(", ", mapping.Unresolved) + ")";

    private async Task<ODataResult<JsonObject?>> ReadCurrentAsync(TableMap map, TargetKey targetKey, IReadOnlyList<string> select, CancellationToken cancellationToken)
    {
        if (targetKey.IsUsableInUrl)
        {
            return await _dataverse.RetrieveAsync(targetKey.Path!, select, cancellationToken).ConfigureAwait(false);
        }

        var page = await _dataverse.QueryPageAsync(map.Dataverse.EntitySet, new ODataQuery { Filter = DataverseLookupResolver.FilterFor(targetKey.Key!), Select = select, Top = 1 }, null, cancellationToken).ConfigureAwait(false);
        return page.Succeeded
            ? ODataResult<JsonObject?>.Success(page.Value!.Rows.Count == 0 ? null : page.Value.Rows[0])
            : ODataResult<JsonObject?>.Failure(page.Error);
    }

    /// <summary>An F&amp;O delete (or a record F&amp;O no longer has): delete it in Dataverse, or deactivate it for maps configured so.</summary>
    private async Task<ApplyOutcome> RemoveAsync(TableMap map, FinOpsChangeEvent changeEvent, string recordKey, CancellationToken cancellationToken)
    {
        var (result, problem) = await MapAsync(map, KeyRecord(map, changeEvent), SyncOperation.Update, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            // A company or parent that is not in Dataverse: then neither is this record.
            return problem.Kind is ApplyOutcomeKind.WaitForRecord or ApplyOutcomeKind.RetryLater && result?.Succeeded == true
                ? ApplyOutcome.Skipped("Map '" + map.Name + "': " + changeEvent.ContextRecordSubject + " is gone from F&O and its Dataverse key cannot exist (" + problem.Reason + ").")
                : problem;
        }

        var targetKey = result!.TargetKey!;
        var context = "Map '" + map.Name + "', key " + result.SourceKey;
        string? path = targetKey.Path;
        if (!targetKey.IsUsableInUrl)
        {
            var found = await _dataverse.FindIdByFilterAsync(map.Dataverse.EntitySet, map.Dataverse.LogicalName, DataverseLookupResolver.FilterFor(targetKey.Key!), cancellationToken).ConfigureAwait(false);
            if (!found.Succeeded)
            {
                return ErrorOutcomes.From(found.Error, context + ": find the Dataverse record to delete");
            }

            path = found.Value is Guid id ? map.Dataverse.EntitySet + "(" + id.ToString("D") + ")" : null;
        }

        bool removed;
        if (path is null)
        {
            removed = false;
        }
        else if (_options.DeactivateOnDelete.Contains(map.Name))
        {
            var deactivated = await _dataverse.UpsertAsync(path, new JsonObject { ["statecode"] = 1 }, UpsertMode.UpdateOnly, DataverseClient.IntegrationTag, cancellationToken).ConfigureAwait(false);
            if (!deactivated.Succeeded && !deactivated.Error.IsNotFound)
            {
                return ErrorOutcomes.From(deactivated.Error, context + ": deactivate " + path);
            }

            removed = deactivated.Succeeded;
        }
        else
        {
            var deleted = await _dataverse.DeleteAsync(path, DataverseClient.IntegrationTag, cancellationToken).ConfigureAwait(false);
            if (!deleted.Succeeded)
            {
                return ErrorOutcomes.From(deleted.Error, context + ": delete " + path);
            }

            removed = deleted.Value;
        }

        // The base goes with the record: a record created again later starts a fresh history.
        var synced = await _syncState.GetSyncedRecordAsync(recordKey, cancellationToken).ConfigureAwait(false);
        if (synced is not null)
        {
            await _syncState.SaveSyncedRecordAsync(recordKey, "{}", synced.Version, cancellationToken).ConfigureAwait(false);
        }

        if (!removed)
        {
            return ApplyOutcome.Skipped(context + ": deleted in F&O and already absent from Dataverse.");
        }

        LogWritten(map.Name, result.SourceKey, _options.DeactivateOnDelete.Contains(map.Name) ? "deactivated" : "deleted", 0);
        return ApplyOutcome.Applied;
    }

    /// <summary>
    /// Saves the values both sides now hold (the next merge's base). A concurrent save (another instance) is written
    /// over once. <paramref name="keptWrittenToFinOps"/>: Dataverse's kept values reached F&amp;O, so they are agreed too.
    /// </summary>
    private async Task SaveSyncedAsync(string recordKey, ConflictResolution resolution, SyncedRecord? synced, bool keptWrittenToFinOps, CancellationToken cancellationToken)
    {
        if (MergedSynced(resolution, synced, keptWrittenToFinOps) is not { } json)
        {
            return;
        }

        if (!await _syncState.SaveSyncedRecordAsync(recordKey, json, synced?.Version ?? 0, cancellationToken).ConfigureAwait(false))
        {
            var again = await _syncState.GetSyncedRecordAsync(recordKey, cancellationToken).ConfigureAwait(false);
            await _syncState.SaveSyncedRecordAsync(recordKey, json, again?.Version ?? 0, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The new base (the values both sides now hold) as stored JSON; null when it is what is stored already.</summary>
    private static string? MergedSynced(ConflictResolution resolution, SyncedRecord? synced, bool keptWrittenToFinOps)
    {
        var values = SyncedValues.Read(synced?.FieldsJson);
        var changed = false;
        foreach (var decision in resolution.Decisions)
        {
            // A value Dataverse kept and F&O does not hold yet is not agreed on: the base keeps the old value,
            // or the next F&O event would count F&O's old value as a change and overwrite Dataverse's.
            if (decision.FinOpsDiffers && !keptWrittenToFinOps)
            {
                continue;
            }

            if (decision.Value is { } value && (!values.TryGetValue(decision.Field.DataverseField!, out var old) || !FieldValueComparer.AreEqual(old, value) || old.Kind != value.Kind))
            {
                values[decision.Field.DataverseField!] = value;
                changed = true;
            }
        }

        return !changed && synced is not null ? null : SyncedValues.Write(values);
    }

    private static RecordValue ValueOf(PayloadField payload) =>
        !payload.IsBind ? payload.Value : payload.Reference is null || payload.Value.IsNull ? RecordValue.Null : RecordValue.FromLookup(payload.Reference);

    private static string Kept(IReadOnlyList<string> fields) =>
        fields.Count == 0 ? string.Empty : "; kept Dataverse's " + string.Join(", ", fields) + " and wrote them to F&O";

    /// <summary>Writes to F&amp;O the values the conflict policy kept from Dataverse; the fields written, whether both sides now agree.</summary>
    private async Task<(IReadOnlyList<string> Fields, bool Agreed, ApplyOutcome? Problem)> WriteKeptToFinOpsAsync(
        TableMap map, ConflictResolution resolution, JsonObject? dataverseRecord, string finOpsPath, JsonObject finOpsRecord, string key, CancellationToken cancellationToken)
    {
        var kept = resolution.PendingForFinOps;
        if (kept.Count == 0 || dataverseRecord is null || !map.Direction.Carries(SyncDirection.DataverseToFinOps))
        {
            return (Array.Empty<string>(), false, null);
        }

        var fields = new HashSet<FieldMap>(kept.Select(d => d.Field));
        var (written, problem) = await _writeBack.WriteAsync(map, dataverseRecord, finOpsPath, finOpsRecord, fields, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return (Array.Empty<string>(), false, problem);
        }

        var names = kept.Select(d => d.Field.DataverseField!).ToList();
        LogKeptForDataverse(map.Name, key, string.Join(", ", names), written, string.Join(" ", kept.Select(d => d.Reason).Distinct()));
        return (names, true, null);
    }

    /// <summary>Dataverse's current values as the merge base: every difference then counts as F&amp;O's change.</summary>
    private static Dictionary<string, RecordValue> CurrentAsBase(TableMap map, DataRecord? currentRecord)
    {
        var values = new Dictionary<string, RecordValue>(StringComparer.Ordinal);
        if (currentRecord is null)
        {
            return values;
        }

        foreach (var field in map.Fields)
        {
            if (field.DataverseField is { } column && currentRecord[column] is { } value)
            {
                values[column] = value;
            }
        }

        return values;
    }

    private static IReadOnlyList<string> BothWays(TableMap map) =>
        DataverseRecordReader.SelectFor(map).Union(map.Direction.Carries(SyncDirection.DataverseToFinOps) ? DataverseRecordReader.SelectForFinOps(map) : Array.Empty<string>()).ToList();

    [LoggerMessage(Level = LogLevel.Information, Message = "Map '{Map}', key {Key}: conflict decided for Dataverse on {Fields}; {Written} property(ies) written to F&O ({Reason})")]
    private partial void LogKeptForDataverse(string map, string key, string fields, int written, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Map '{Map}', key {Key}: {Action} in Dataverse ({Fields} field(s))")]
    private partial void LogWritten(string map, string key, string action, int fields);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Map '{Map}', key {Key}: conflict {ConflictId} queued for manual review")]
    private partial void LogConflictQueued(string map, string key, long conflictId);
}
