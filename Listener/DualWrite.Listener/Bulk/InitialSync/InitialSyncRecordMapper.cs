using System;
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
using DualWrite.Listener.Bulk.Lookups;
using DualWrite.Listener.Bulk.Writing;

namespace DualWrite.Listener.Bulk.InitialSync;

/// <summary>
/// Maps a page of source rows into batch items with Core's <see cref="MappingLoop"/>, as the applier does for a
/// live event, after the bulk lookup resolver has answered the whole page's lookups (one query per referenced
/// table, not one per record). Keeps the values the target will hold: the state store's last synced values. A
/// reference no record answers (a parent of the same table not written yet) makes the row wait for the map's
/// second pass.
/// </summary>
public sealed class InitialSyncRecordMapper
{
    private const int MaxMappingPasses = 4;

    private readonly BulkLookupResolver _lookups;

    public InitialSyncRecordMapper(BulkLookupResolver lookups)
    {
        _lookups = lookups ?? throw new ArgumentNullException(nameof(lookups));
    }

    public async Task<IReadOnlyList<MappedRecord>> MapPageAsync(TableMap map, SyncDirection direction, IReadOnlyList<JsonObject> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(rows);
        var mapped = new MappedRecord?[rows.Count];
        var loops = new List<(int Index, MappingLoop Loop, DataRecord Source, string RecordKey)>(rows.Count);

        // One set of answers for the page: the rows share their companies and groups, so once the first row has
        // them the others map in one pass instead of one pass per level of lookups.
        var resolved = new ResolvedLookups();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (direction == SyncDirection.FinOpsToDataverse)
            {
                var source = FinOpsRecordReader.Read(map, row);
                var (recordKey, missing) = FinOpsRecordKey(map, source);
                if (missing is not null)
                {
                    mapped[i] = MappedRecord.Failed(row, map.FinOps.EntitySet + "(?)", missing, "Map '" + map.Name + "': an F&O " + map.FinOps.EntitySet + " record has no " + missing + ".");
                }
                else if (map.FinOps.Filter is { } filter && !filter.Evaluate(name => source[name]?.Value))
                {
                    mapped[i] = MappedRecord.Filtered(row, recordKey!);
                }
                else
                {
                    loops.Add((i, new MappingLoop(new MappingRequest(map, direction, source, SyncOperation.Create, resolved: resolved), MaxMappingPasses, findBoundIds: true), source, recordKey!));
                }
            }
            else
            {
                var source = DataverseRecordReader.Read(map, row);
                loops.Add((i, new MappingLoop(new MappingRequest(map, direction, source, SyncOperation.Create, resolved: resolved), MaxMappingPasses), source, string.Empty));
            }
        }

        await _lookups.ResolveAsync(loops.ConvertAll(l => l.Loop), cancellationToken).ConfigureAwait(false);
        foreach (var (index, loop, source, recordKey) in loops)
        {
            mapped[index] = Finish(map, direction, rows[index], loop, source, recordKey);
        }

        return mapped!;
    }

    private static MappedRecord Finish(TableMap map, SyncDirection direction, JsonObject row, MappingLoop loop, DataRecord source, string recordKey)
    {
        var result = loop.Result;
        if (!result.Succeeded)
        {
            return MappedRecord.Failed(row, result.SourceKey, result.Errors[0].Field, string.Join(" ", result.Errors));
        }

        if (loop.Unresolved.Count > 0 || !result.IsComplete)
        {
            var first = loop.Unresolved.FirstOrDefault();
            var reason = first is null
                ? "Map '" + map.Name + "', key " + result.SourceKey + ": the target key could not be completed."
                : MissingReferenceText.Describe(map.Name, result.SourceKey, first.Field, first.Path, source.Company) + ".";
            return MappedRecord.Waiting(row, result.SourceKey, first?.Field, reason);
        }

        var synced = new Dictionary<string, RecordValue>(StringComparer.Ordinal);
        if (direction == SyncDirection.FinOpsToDataverse)
        {
            foreach (var payload in result.Payload)
            {
                if (payload.Field is { DataverseField: { } column } field && field.Carries(SyncDirection.FinOpsToDataverse))
                {
                    // As the applier keeps it: a bind as the lookup it refers to.
                    synced[column] = !payload.IsBind ? payload.Value : payload.Reference is null || payload.Value.IsNull ? RecordValue.Null : RecordValue.FromLookup(payload.Reference);
                }
            }

            var targetKey = result.TargetKey!;
            var item = new BulkItem(recordKey, result.SourceKey, targetKey.IsUsableInUrl ? targetKey.Path : null, PayloadBody.From(result.Payload, WireTarget.Dataverse));
            return MappedRecord.Ready(item, synced);
        }

        foreach (var field in map.Fields)
        {
            if (field.DataverseField is { } column && field.Carries(SyncDirection.DataverseToFinOps) && source[column] is { } value)
            {
                synced[column] = value;
            }
        }

        // F&O records are keyed by their F&O path in the state store, whichever side wrote them.
        var path = result.TargetKey!.Path!;
        return MappedRecord.Ready(new BulkItem(path, result.SourceKey, path, PayloadBody.From(result.Payload, WireTarget.FinOps)), synced);
    }

    /// <summary>The state store's key, as the applier writes it for live events; or the key field that is missing.</summary>
    private static (string? Key, string? Missing) FinOpsRecordKey(TableMap map, DataRecord source)
    {
        var parts = new List<KeyValuePair<string, object>>();
        foreach (var keyField in map.FinOps.KeyFields)
        {
            if (source[keyField]?.Value is not { } value)
            {
                return (null, keyField);
            }

            parts.Add(new(keyField, value));
        }

        return (map.FinOps.EntitySet + ODataKey.Named(parts).ToPredicate(), null);
    }
}
