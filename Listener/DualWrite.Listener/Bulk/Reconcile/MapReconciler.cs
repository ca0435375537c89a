using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Conflicts;
using DualWrite.Core.Keys;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Core.Wire;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Bulk.Lookups;
using DualWrite.Listener.Bulk.Reading;
using DualWrite.Listener.Bulk.Writing;
using DualWrite.Listener.SyncState;

namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>
/// Reconciles one map (one company of it): streams both sides in key order, merge-joins them, and for each record the
/// master side has, maps it through Core to the other side (lookups answered in bulk per chunk) and compares the
/// mapped fields with Core's <see cref="FieldValueComparer"/>. Differences go to the report file as found; with fix,
/// each chunk's records go through the bulk writer, and what they now hold is saved as their last synced values (echo
/// suppression and the conflict rules compare against them). With <c>removeDeleted</c> (a catch-up after downtime), records
/// only Dataverse has that were synced and that F&amp;O no longer has are removed. Memory: two pages per side and one chunk,
/// whatever the row count.
/// </summary>
public sealed class MapReconciler
{
    public const int FirstDifferencesKept = 20;
    public const int ProblemsKept = 20;
    private const int MaxMappingPasses = 4;

    private readonly IMapSourceReader _reader;
    private readonly BulkLookupResolver _lookups;
    private readonly IBulkWriter _writer;
    private readonly int _chunkSize;
    private readonly ISyncStateStore? _syncState;
    private readonly DeletedRecordRemover? _remover;

    /// <param name="syncState">Where fixed records' last synced values go; null saves none (a reconcile without a state store).</param>
    /// <param name="remover">Removes records F&amp;O deleted, when a run asks for it; null: such records are only reported.</param>
    public MapReconciler(IMapSourceReader reader, BulkLookupResolver lookups, IBulkWriter writer, int chunkSize = 1000, ISyncStateStore? syncState = null, DeletedRecordRemover? remover = null)
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        _lookups = lookups ?? throw new ArgumentNullException(nameof(lookups));
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _chunkSize = chunkSize > 0 ? chunkSize : throw new ArgumentOutOfRangeException(nameof(chunkSize));
        _syncState = syncState;
        _remover = remover;
    }

    /// <param name="finOps">The F&amp;O read's shape (<see cref="MapSourceReader.ShapeAsync"/>).</param>
    /// <param name="dataverse">The Dataverse read's shape; null when Dataverse has no such company (every record is missing there).</param>
    /// <param name="removeDeleted">With fix and F&amp;O as master: remove Dataverse-only records that were synced and F&amp;O no longer has.</param>
    public async Task<ReconcileMapResult> RunAsync(
        TableMap map, string? company, SyncSide master, bool fix, SourceShape finOps, SourceShape? dataverse, DifferenceReportFile report, CancellationToken cancellationToken, bool removeDeleted = false)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(finOps);
        ArgumentNullException.ThrowIfNull(report);
        var clock = Stopwatch.StartNew();
        var join = JoinKey.For(map, finOps, dataverse ?? SourceShape.Dataverse(map, company is null ? null : Guid.Empty));
        var run = new Run(map, company, master, fix, join, report);
        var label = "Map '" + map.Name + "'" + (company is null ? string.Empty : ", company " + company);
        await using var finOpsRows = new RowStream(
            _reader.ReadAsync(new SourceReadRequest(map, SyncSide.FinOps, company, null, MapSourceReader.FinOpsMaxPageSize), cancellationToken), join.FinOps, join, label + ", F&O", cancellationToken);
        await using var dataverseRows = new RowStream(
            dataverse is null ? NoPages() : _reader.ReadAsync(new SourceReadRequest(map, SyncSide.Dataverse, company, null, MapSourceReader.DataverseMaxPageSize), cancellationToken),
            join.Dataverse, join, label + ", Dataverse", cancellationToken);

        await Task.WhenAll(finOpsRows.MoveNextAsync(), dataverseRows.MoveNextAsync()).ConfigureAwait(false);
        var chunk = new List<(JsonObject? FinOps, JsonObject? Dataverse)>(_chunkSize);
        var removals = new List<RemovalCandidate>();
        var removing = fix && removeDeleted && master == SyncSide.FinOps && _remover is not null;
        while (finOpsRows.HasCurrent || dataverseRows.HasCurrent)
        {
            var order = !finOpsRows.HasCurrent ? 1 : !dataverseRows.HasCurrent ? -1 : join.Compare(finOpsRows.CurrentKey!, dataverseRows.CurrentKey!);
            if (order == 0)
            {
                run.Matched++;
                chunk.Add((finOpsRows.Current, dataverseRows.Current));
                await Task.WhenAll(finOpsRows.MoveNextAsync(), dataverseRows.MoveNextAsync()).ConfigureAwait(false);
            }
            else if (order < 0)
            {
                // Only F&O has it: the master's record to create, or a record the master lacks (reported, never deleted).
                if (master == SyncSide.FinOps)
                {
                    chunk.Add((finOpsRows.Current, null));
                }
                else
                {
                    await run.MissingOnMasterAsync(finOpsRows.CurrentKey!, cancellationToken).ConfigureAwait(false);
                }

                await finOpsRows.MoveNextAsync().ConfigureAwait(false);
            }
            else
            {
                if (master == SyncSide.Dataverse)
                {
                    chunk.Add((null, dataverseRows.Current));
                }
                else
                {
                    await run.MissingOnMasterAsync(dataverseRows.CurrentKey!, cancellationToken).ConfigureAwait(false);
                    if (removing && RemovalOf(map, company, join, dataverseRows.CurrentKey!, dataverseRows.Current!) is { } candidate)
                    {
                        removals.Add(candidate);
                    }
                }

                await dataverseRows.MoveNextAsync().ConfigureAwait(false);
            }

            if (chunk.Count >= _chunkSize)
            {
                await CompareChunkAsync(run, chunk, cancellationToken).ConfigureAwait(false);
                chunk.Clear();
            }

            if (removals.Count >= _chunkSize)
            {
                run.Removed(await _remover!.RemoveAsync(map, removals, cancellationToken).ConfigureAwait(false));
                removals.Clear();
            }
        }

        await CompareChunkAsync(run, chunk, cancellationToken).ConfigureAwait(false);
        if (removals.Count > 0)
        {
            run.Removed(await _remover!.RemoveAsync(map, removals, cancellationToken).ConfigureAwait(false));
        }

        return run.Result(finOpsRows.Count, dataverseRows.Count, clock.Elapsed);
    }

    /// <summary>
    /// The F&amp;O record key (the state store's key) of a row only Dataverse has, from its business key and the company;
    /// null when a key column is a lookup (its value is an id, not the F&amp;O key) or the row has no id.
    /// </summary>
    private static RemovalCandidate? RemovalOf(TableMap map, string? company, JoinKey join, IReadOnlyList<string?> key, JsonObject row)
    {
        if (row[map.Dataverse.LogicalName + "id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var idText) || !Guid.TryParse(idText, out var id))
        {
            return null;
        }

        var parts = new List<KeyValuePair<string, object>>();
        foreach (var field in map.FinOps.KeyFields)
        {
            var at = -1;
            for (var i = 0; i < join.FinOps.Count; i++)
            {
                if (string.Equals(join.FinOps[i].Property, field, StringComparison.Ordinal))
                {
                    at = i;
                }
            }

            if (at >= 0)
            {
                if (key[at] is not { } text || join.Dataverse[at].Property.StartsWith('_'))
                {
                    return null;
                }

                parts.Add(new(field, Typed(join.FinOps[at].Type, text)));
            }
            else if (company is not null && string.Equals(field, map.Company?.FinOpsField, StringComparison.OrdinalIgnoreCase))
            {
                parts.Add(new(field, company));
            }
            else
            {
                return null;
            }
        }

        var recordKey = map.FinOps.EntitySet + ODataKey.Named(parts).ToPredicate();
        return new RemovalCandidate(recordKey, map.Dataverse.EntitySet + "(" + id.ToString("D") + ")", join.Describe(key));
    }

    private static object Typed(FieldType type, string text) => type switch
    {
        FieldType.Int or FieldType.Long when long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) => number,
        FieldType.Decimal when decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount) => amount,
        _ => text,
    };

    private static async IAsyncEnumerable<SourcePage> NoPages()
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }

    /// <summary>Maps the master's records of a chunk together (lookups in bulk), compares them with the other side, fixes.</summary>
    private async Task CompareChunkAsync(Run run, List<(JsonObject? FinOps, JsonObject? Dataverse)> chunk, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        var map = run.Map;
        var direction = run.Master == SyncSide.FinOps ? SyncDirection.FinOpsToDataverse : SyncDirection.DataverseToFinOps;
        var loops = new List<MappingLoop>(chunk.Count);
        var sources = new List<DataRecord>(chunk.Count);
        foreach (var (finOps, dataverse) in chunk)
        {
            var masterRow = run.Master == SyncSide.FinOps ? finOps! : dataverse!;
            var targetRow = run.Master == SyncSide.FinOps ? dataverse : finOps;
            var source = run.Master == SyncSide.FinOps ? FinOpsRecordReader.Read(map, masterRow) : DataverseRecordReader.Read(map, masterRow);
            sources.Add(source);
            loops.Add(new MappingLoop(
                new MappingRequest(map, direction, source, targetRow is null ? SyncOperation.Create : SyncOperation.Update),
                MaxMappingPasses,
                findBoundIds: direction == SyncDirection.FinOpsToDataverse));
        }

        await _lookups.ResolveAsync(loops, cancellationToken).ConfigureAwait(false);
        var upserts = new List<BulkItem>();
        var creates = new List<BulkItem>();
        var syncedOf = new Dictionary<BulkItem, IReadOnlyDictionary<string, RecordValue>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < chunk.Count; i++)
        {
            var (finOps, dataverse) = chunk[i];
            var targetRow = run.Master == SyncSide.FinOps ? dataverse : finOps;
            var loop = loops[i];
            var keyRow = finOps ?? dataverse!;
            var key = run.Join.Describe(MapSourceReader.CursorOf(finOps is null ? run.Join.Dataverse : run.Join.FinOps, keyRow).Values);
            var result = loop.Result;
            if (!result.Succeeded || loop.Unresolved.Count > 0 || !result.IsComplete)
            {
                // A record that does not map cannot be compared field by field: it counts as out of agreement.
                run.Unmappable(key, !result.Succeeded ? string.Join(" ", result.Errors)
                    : "its " + (loop.Unresolved.Count > 0 ? "references (" + string.Join(", ", loop.Unresolved) + ")" : "target key") + " could not be resolved");
                continue;
            }

            if (targetRow is null)
            {
                await run.MissingOnTargetAsync(key, cancellationToken).ConfigureAwait(false);
                if (run.Fix)
                {
                    var item = Item(map, direction, sources[i], result, null);
                    syncedOf[item] = SyncedValuesOf(map, direction, sources[i], result);
                    (result.TargetKey!.IsUsableInUrl ? upserts : creates).Add(item);
                }

                continue;
            }

            var differences = direction == SyncDirection.FinOpsToDataverse
                ? CompareWithDataverse(run, key, result, sources[i], DataverseRecordReader.Read(map, targetRow))
                : CompareWithFinOps(run, key, result, FinOpsRecordReader.Read(map, targetRow), sources[i]);
            if (differences.Count > 0)
            {
                await run.RecordDiffersAsync(differences, cancellationToken).ConfigureAwait(false);
                if (run.Fix)
                {
                    var item = Item(map, direction, sources[i], result, targetRow);
                    syncedOf[item] = SyncedValuesOf(map, direction, sources[i], result);
                    upserts.Add(item);
                }
            }
        }

        // The Dataverse channel sends a batch as one action: creates and upserts travel separately.
        foreach (var items in new[] { upserts, creates })
        {
            if (items.Count > 0)
            {
                var written = await _writer.WriteAsync(map, direction, items, cancellationToken).ConfigureAwait(false);
                run.Written(written);
                if (_syncState is not null)
                {
                    // The target now holds the master's values: they are the base the next live change is merged against.
                    await SyncedRecordMerger.SaveAsync(_syncState, written.Written.Select(w => (w.RecordKey, syncedOf[w])).ToList(), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>The values the target holds once the item is written, by Dataverse column, as the applier keeps them.</summary>
    private static IReadOnlyDictionary<string, RecordValue> SyncedValuesOf(TableMap map, SyncDirection direction, DataRecord source, MappingResult result)
    {
        var synced = new Dictionary<string, RecordValue>(StringComparer.Ordinal);
        if (direction == SyncDirection.FinOpsToDataverse)
        {
            foreach (var payload in result.Payload)
            {
                if (payload.Field is { DataverseField: { } column } field && field.Carries(SyncDirection.FinOpsToDataverse))
                {
                    synced[column] = !payload.IsBind ? payload.Value : payload.Reference is null || payload.Value.IsNull ? RecordValue.Null : RecordValue.FromLookup(payload.Reference);
                }
            }

            return synced;
        }

        foreach (var field in map.Fields)
        {
            if (field.DataverseField is { } column && field.Carries(SyncDirection.DataverseToFinOps) && source[column] is { } value)
            {
                synced[column] = value;
            }
        }

        return synced;
    }

    private static List<ReconcileDifference> CompareWithDataverse(Run run, string key, MappingResult result, DataRecord finOps, DataRecord dataverse)
    {
        var differences = new List<ReconcileDifference>();
        foreach (var payload in result.Payload)
        {
            if (payload.Field is not { DataverseField: { } column } field || !field.Carries(SyncDirection.FinOpsToDataverse))
            {
                continue;
            }

            var expected = !payload.IsBind ? payload.Value : payload.Reference is null || payload.Value.IsNull ? RecordValue.Null : RecordValue.FromLookup(payload.Reference);
            var actual = dataverse[column] ?? RecordValue.Null;
            if (!FieldValueComparer.AreEqual(expected, actual))
            {
                var finOpsValue = field.FinOpsField is { } name ? finOps[name] ?? RecordValue.Null : expected;
                differences.Add(run.Difference(key, field.DisplayName, Text(finOpsValue), Text(actual)));
            }
        }

        return differences;
    }

    private static List<ReconcileDifference> CompareWithFinOps(Run run, string key, MappingResult result, DataRecord finOps, DataRecord dataverse)
    {
        var differences = new List<ReconcileDifference>();
        foreach (var payload in result.Payload)
        {
            if (payload.Field is not { FinOpsField: { } name } field || !field.Carries(SyncDirection.DataverseToFinOps))
            {
                continue;
            }

            var actual = finOps[name] ?? RecordValue.Null;
            if (!FieldValueComparer.AreEqual(payload.Value, actual))
            {
                var dataverseValue = field.DataverseField is { } column ? dataverse[column] ?? RecordValue.Null : payload.Value;
                differences.Add(run.Difference(key, field.DisplayName, Text(actual), Text(dataverseValue)));
            }
        }

        return differences;
    }

    /// <summary>The write that makes the target hold the master's values: the whole mapped record, by its target key.</summary>
    private static BulkItem Item(TableMap map, SyncDirection direction, DataRecord source, MappingResult result, JsonObject? targetRow)
    {
        var targetKey = result.TargetKey!;
        if (direction == SyncDirection.FinOpsToDataverse)
        {
            var path = targetKey.IsUsableInUrl ? targetKey.Path
                : targetRow?[map.Dataverse.LogicalName + "id"] is JsonValue id ? map.Dataverse.EntitySet + "(" + id.GetValue<string>() + ")" : null;
            return new BulkItem(FinOpsRecordKey(map, source), result.SourceKey, path, PayloadBody.From(result.Payload, WireTarget.Dataverse));
        }

        // F&O records are keyed by their F&O path in the state store, whichever side wrote them.
        return new BulkItem(targetKey.Path!, result.SourceKey, targetKey.Path, PayloadBody.From(result.Payload, WireTarget.FinOps));
    }

    private static string FinOpsRecordKey(TableMap map, DataRecord source)
    {
        var parts = map.FinOps.KeyFields.Select(field => new KeyValuePair<string, object>(field, source[field]?.Value ?? string.Empty));
        return map.FinOps.EntitySet + ODataKey.Named(parts).ToPredicate();
    }

    private static string? Text(RecordValue value) => value.IsNull ? null
        : value.TryGetLookup(out var lookup) ? lookup.KeyValue ?? lookup.Id?.ToString("D")
        : value.ToString();

    /// <summary>The counters and kept samples of one map's run.</summary>
    private sealed class Run(TableMap map, string? company, SyncSide master, bool fix, JoinKey join, DifferenceReportFile report)
    {
        private readonly List<ReconcileDifference> _first = new();
        private readonly List<string> _problems = new();
        private long _missingInDataverse;
        private long _missingInFinOps;
        private long _recordsDiffering;
        private long _fieldDifferences;
        private long _unmappable;
        private long _fixed;
        private long _fixFailed;
        private long _removed;

        public TableMap Map { get; } = map;

        public SyncSide Master { get; } = master;

        public bool Fix { get; } = fix;

        public JoinKey Join { get; } = join;

        public long Matched { get; set; }

        public ReconcileDifference Difference(string key, string? field, string? finOpsValue, string? dataverseValue) =>
            new(Map.Name, company, key, ReconcileDifferenceKind.FieldDiffers, field, finOpsValue, dataverseValue);

        public Task MissingOnMasterAsync(IReadOnlyList<string?> key, CancellationToken cancellationToken) =>
            MissingAsync(Join.Describe(key), Master == SyncSide.FinOps ? ReconcileDifferenceKind.MissingInFinOps : ReconcileDifferenceKind.MissingInDataverse, cancellationToken);

        public Task MissingOnTargetAsync(string key, CancellationToken cancellationToken) =>
            MissingAsync(key, Master == SyncSide.FinOps ? ReconcileDifferenceKind.MissingInDataverse : ReconcileDifferenceKind.MissingInFinOps, cancellationToken);

        public async Task RecordDiffersAsync(IReadOnlyList<ReconcileDifference> differences, CancellationToken cancellationToken)
        {
            _recordsDiffering++;
            _fieldDifferences += differences.Count;
            foreach (var difference in differences)
            {
                await AddAsync(difference, cancellationToken).ConfigureAwait(false);
            }
        }

        public void Unmappable(string key, string reason)
        {
            _unmappable++;
            Problem("Map '" + Map.Name + "', " + key + ": not compared, " + reason);
        }

        public void Written(BulkWriteResult result)
        {
            _fixed += result.Written.Count;
            _fixFailed += result.Failed.Count;
            foreach (var failure in result.Failed)
            {
                Problem("Map '" + Map.Name + "', " + failure.Item.SourceKey + ": not fixed" + (failure.Field is null ? string.Empty : " (" + failure.Field + ")") + ", " + failure.Reason);
            }
        }

        public void Removed(RemovalResult result)
        {
            _removed += result.Removed;
            foreach (var problem in result.Problems)
            {
                Problem(problem);
            }
        }

        public ReconcileMapResult Result(long finOpsRows, long dataverseRows, TimeSpan elapsed)
        {
            var fixable = Master == SyncSide.FinOps ? _missingInDataverse : _missingInFinOps;
            var notFixable = Master == SyncSide.FinOps ? _missingInFinOps : _missingInDataverse;
            var differences = _missingInDataverse + _missingInFinOps + _recordsDiffering + _unmappable;
            return new ReconcileMapResult(
                Map.Name, company, Master == SyncSide.FinOps ? "F&O" : "Dataverse", finOpsRows, dataverseRows, Matched,
                _missingInDataverse, _missingInFinOps, _recordsDiffering, _fieldDifferences, _fixed + _removed, _fixFailed, _first, _problems, elapsed)
            {
                Unresolved = Fix ? notFixable - _removed + _unmappable + (fixable + _recordsDiffering - _fixed) : differences,
                Removed = _removed,
            };
        }

        private async Task MissingAsync(string key, ReconcileDifferenceKind kind, CancellationToken cancellationToken)
        {
            if (kind == ReconcileDifferenceKind.MissingInDataverse)
            {
                _missingInDataverse++;
            }
            else
            {
                _missingInFinOps++;
            }

            await AddAsync(new ReconcileDifference(Map.Name, company, key, kind, null, null, null), cancellationToken).ConfigureAwait(false);
        }

        private async Task AddAsync(ReconcileDifference difference, CancellationToken cancellationToken)
        {
            if (_first.Count < FirstDifferencesKept)
            {
                _first.Add(difference);
            }

            await report.WriteAsync(difference, cancellationToken).ConfigureAwait(false);
        }

        private void Problem(string text)
        {
            if (_problems.Count < ProblemsKept)
            {
                _problems.Add(text);
            }
        }
    }
}
