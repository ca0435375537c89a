using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Keys;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Core.Wire;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Processing;

namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>
/// Maps one source row of an initial sync into a batch item with Core's <see cref="MappingLoop"/>, as the applier
/// does for a live event, and keeps the values the target will hold (the state store's last synced values). The
/// Dataverse ids and codes lookups need come from caches, so a page whose companies and groups are known costs no
/// query; a reference to a record not written yet makes the row wait for the map's second pass.
/// </summary>
public sealed class InitialSyncRecordMapper
{
    private const int MaxMappingPasses = 4;

    private readonly DataverseLookupResolver _lookups;
    private readonly DataverseClient _dataverse;

    // Dataverse id path → alternate-key value (a customer group's code): read once per run.
    private readonly ConcurrentDictionary<string, string> _keyValues = new(StringComparer.Ordinal);

    public InitialSyncRecordMapper(DataverseLookupResolver lookups, DataverseClient dataverse)
    {
        _lookups = lookups ?? throw new ArgumentNullException(nameof(lookups));
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
    }

    public Task<MappedRecord> MapAsync(TableMap map, SyncDirection direction, JsonObject row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(row);
        return direction == SyncDirection.FinOpsToDataverse
            ? FromFinOpsAsync(map, row, cancellationToken)
            : FromDataverseAsync(map, row, cancellationToken);
    }

    private async Task<MappedRecord> FromFinOpsAsync(TableMap map, JsonObject row, CancellationToken cancellationToken)
    {
        var source = FinOpsRecordReader.Read(map, row);
        var parts = new List<KeyValuePair<string, object>>();
        foreach (var keyField in map.FinOps.KeyFields)
        {
            if (source[keyField]?.Value is not { } value)
            {
                return MappedRecord.Failed(row, map.FinOps.EntitySet + "(?)", keyField, "Map '" + map.Name + "': an F&O " + map.FinOps.EntitySet + " record has no " + keyField + ".");
            }

            parts.Add(new(keyField, value));
        }

        // The state store's key, as the applier writes it for live events.
        var recordKey = map.FinOps.EntitySet + ODataKey.Named(parts).ToPredicate();
        if (map.FinOps.Filter is { } filter && !filter.Evaluate(name => source[name]?.Value))
        {
            return MappedRecord.Filtered(row, recordKey);
        }

        var mapping = new MappingLoop(new MappingRequest(map, SyncDirection.FinOpsToDataverse, source, SyncOperation.Create), MaxMappingPasses, findBoundIds: true);
        for (var pending = mapping.Map(); pending.Count > 0 && mapping.Result.Succeeded; pending = mapping.Map())
        {
            var outcome = await _lookups.ResolveAsync(map, mapping.Result.SourceKey, source.Company, pending, mapping.Resolved, cancellationToken).ConfigureAwait(false);
            if (outcome is not null)
            {
                var field = pending.FirstOrDefault(p => !mapping.Resolved.TryGetId(p.Path, out _))?.Field;
                return outcome.Kind is ApplyOutcomeKind.Failed
                    ? MappedRecord.Failed(row, mapping.Result.SourceKey, field, outcome.Reason ?? outcome.ToString())
                    : MappedRecord.Waiting(row, mapping.Result.SourceKey, field, outcome.Reason ?? outcome.ToString());
            }
        }

        var result = mapping.Result;
        if (!result.Succeeded)
        {
            return MappedRecord.Failed(row, result.SourceKey, result.Errors[0].Field, string.Join(" ", result.Errors));
        }

        if (!result.IsComplete)
        {
            return MappedRecord.Waiting(row, result.SourceKey, mapping.Unresolved.FirstOrDefault()?.Field, "Map '" + map.Name + "', key " + result.SourceKey
                + ": the Dataverse key could not be completed (unresolved: " + string.Join(", ", mapping.Unresolved) + ").");
        }

        var synced = new Dictionary<string, RecordValue>(StringComparer.Ordinal);
        foreach (var payload in result.Payload)
        {
            if (payload.Field is { DataverseField: { } column } field && field.Carries(SyncDirection.FinOpsToDataverse))
            {
                synced[column] = !payload.IsBind ? payload.Value : payload.Reference is null || payload.Value.IsNull ? RecordValue.Null : RecordValue.FromLookup(payload.Reference);
            }
        }

        var targetKey = result.TargetKey!;
        var item = new BulkItem(recordKey, result.SourceKey, targetKey.IsUsableInUrl ? targetKey.Path : null, PayloadBody.From(result.Payload, WireTarget.Dataverse));
        return MappedRecord.Ready(row, item, synced);
    }

    private async Task<MappedRecord> FromDataverseAsync(TableMap map, JsonObject row, CancellationToken cancellationToken)
    {
        var source = DataverseRecordReader.Read(map, row);
        var mapping = new MappingLoop(new MappingRequest(map, SyncDirection.DataverseToFinOps, source, SyncOperation.Create), MaxMappingPasses);
        for (var pending = mapping.Map(); pending.Count > 0 && mapping.Result.Succeeded; pending = mapping.Map())
        {
            foreach (var lookup in pending)
            {
                if (lookup.Kind == LookupResolutionKind.ReadKeyValue)
                {
                    var value = await ReadKeyValueAsync(lookup, cancellationToken).ConfigureAwait(false);
                    if (value is not null)
                    {
                        mapping.Resolved.AddKeyValue(lookup.Path, value);
                    }
                }
                else
                {
                    var outcome = await _lookups.ResolveAsync(map, mapping.Result.SourceKey, null, new[] { lookup }, mapping.Resolved, cancellationToken).ConfigureAwait(false);
                    if (outcome is { Kind: ApplyOutcomeKind.Failed })
                    {
                        return MappedRecord.Failed(row, mapping.Result.SourceKey, lookup.Field, outcome.Reason ?? outcome.ToString());
                    }
                }
            }
        }

        var result = mapping.Result;
        if (!result.Succeeded)
        {
            return MappedRecord.Failed(row, result.SourceKey, result.Errors[0].Field, string.Join(" ", result.Errors));
        }

        if (!result.IsComplete)
        {
            return MappedRecord.Waiting(row, result.SourceKey, mapping.Unresolved.FirstOrDefault()?.Field, "Map '" + map.Name + "', key " + result.SourceKey
                + ": the F&O key could not be completed (unresolved: " + string.Join(", ", mapping.Unresolved) + ").");
        }

        var synced = new Dictionary<string, RecordValue>(StringComparer.Ordinal);
        foreach (var field in map.Fields)
        {
            if (field.DataverseField is { } column && field.Carries(SyncDirection.DataverseToFinOps) && source[column] is { } value)
            {
                synced[column] = value;
            }
        }

        // F&O records are keyed by their F&O path in the state store, whichever side wrote them.
        var path = result.TargetKey!.Path!;
        var item = new BulkItem(path, result.SourceKey, path, PayloadBody.From(result.Payload, WireTarget.FinOps));
        return MappedRecord.Ready(row, item, synced);
    }

    private async Task<string?> ReadKeyValueAsync(LookupToResolve lookup, CancellationToken cancellationToken)
    {
        if (_keyValues.TryGetValue(lookup.Path, out var known))
        {
            return known;
        }

        var read = await _dataverse.RetrieveAsync(lookup.Path, new[] { lookup.KeyField }, cancellationToken).ConfigureAwait(false);
        if (read.Succeeded && read.Value?[lookup.KeyField] is JsonValue node && node.TryGetValue<string>(out var value))
        {
            _keyValues[lookup.Path] = value;
            return value;
        }

        return null;
    }
}
