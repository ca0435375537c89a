using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Conflicts;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Core.Wire;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Processing;

namespace DualWrite.Listener.Applying;

/// <summary>
/// Writes Dataverse's values to F&amp;O, for the two cases where the listener itself must carry them: a conflict
/// decided for Dataverse (its values were kept, F&amp;O still has its own) and the revert of a write-through whose
/// Dataverse save rolled back. The Dataverse record is mapped with Core exactly as the plug-in maps a save (lookups
/// become the referenced record's key value), and only the properties F&amp;O does not already hold are sent.
/// </summary>
public sealed class FinOpsWriteBack
{
    private const int MaxMappingPasses = 4;

    private readonly FinOpsClient _finOps;
    private readonly DataverseClient _dataverse;
    private readonly MapCatalog? _catalog;

    /// <param name="catalog">Where F&amp;O's not-nullable properties are known; null: not known, F&amp;O judges.</param>
    public FinOpsWriteBack(FinOpsClient finOps, DataverseClient dataverse, MapCatalog? catalog = null)
    {
        _catalog = catalog;
        _finOps = finOps ?? throw new ArgumentNullException(nameof(finOps));
        _dataverse = dataverse ?? throw new ArgumentNullException(nameof(dataverse));
    }

    /// <summary>
    /// Makes F&amp;O's record at <paramref name="finOpsPath"/> hold <paramref name="dataverseRecord"/>'s values: the
    /// fields in <paramref name="only"/> (null: every field the map writes to F&amp;O). <paramref name="finOpsRecord"/> is
    /// F&amp;O's current record (null: F&amp;O has none, so it is created). Returns how many properties were written
    /// (0: F&amp;O already agreed), or the outcome that stops the apply.
    /// </summary>
    public async Task<(int Written, ApplyOutcome? Problem)> WriteAsync(
        TableMap map, JsonObject dataverseRecord, string finOpsPath, JsonObject? finOpsRecord, IReadOnlySet<FieldMap>? only, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(dataverseRecord);
        var (result, problem) = await MapAsync(map, dataverseRecord, finOpsRecord is null, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return (0, problem);
        }

        var current = finOpsRecord is null ? null : FinOpsRecordReader.Read(map, finOpsRecord);
        var payload = new List<PayloadField>();
        foreach (var field in result!.Payload)
        {
            if (finOpsRecord is not null && (field.Field is null || (only is not null && !only.Contains(field.Field))))
            {
                continue;
            }

            if (current is not null && current[field.Name] is { } held && FieldValueComparer.AreEqual(held, field.Value))
            {
                continue;
            }

            payload.Add(field);
        }

        if (payload.Count == 0)
        {
            return (0, null);
        }

        var context = "Map '" + map.Name + "', key " + result.SourceKey;
        if (finOpsRecord is null)
        {
            var created = await _finOps.CreateAsync(map.FinOps.EntitySet, PayloadBody.From(payload, WireTarget.FinOps), cancellationToken).ConfigureAwait(false);
            return created.Succeeded ? (payload.Count, null) : (0, ErrorOutcomes.From(created.Error, context + ": create " + finOpsPath + " in F&O"));
        }

        var updated = await _finOps.UpdateAsync(finOpsPath, PayloadBody.From(payload, WireTarget.FinOps), cancellationToken).ConfigureAwait(false);
        return updated.Succeeded ? (payload.Count, null) : (0, ErrorOutcomes.From(updated.Error, context + ": write Dataverse's values to " + finOpsPath));
    }

    /// <summary>Deletes F&amp;O's record (the revert of a create whose Dataverse save rolled back).</summary>
    public async Task<ApplyOutcome?> DeleteAsync(TableMap map, string finOpsPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        var deleted = await _finOps.DeleteAsync(finOpsPath, cancellationToken).ConfigureAwait(false);
        return deleted.Succeeded ? null : ErrorOutcomes.From(deleted.Error, "Map '" + map.Name + "': delete " + finOpsPath + " in F&O");
    }

    /// <summary>
    /// Maps a Dataverse record to F&amp;O, reading each lookup's key value from Dataverse. The stored record carries
    /// every column, so an empty one whose F&amp;O property takes no null is one nobody filled in: Core handles it as
    /// the plug-in handles a form that left it out (the map's default on create, else left out), never sent as null.
    /// </summary>
    private async Task<(MappingResult? Result, ApplyOutcome? Problem)> MapAsync(TableMap map, JsonObject dataverseRecord, bool create, CancellationToken cancellationToken)
    {
        var source = DataverseRecordReader.Read(map, dataverseRecord);
        var request = new MappingRequest(
            map, SyncDirection.DataverseToFinOps, source, create ? SyncOperation.Create : SyncOperation.Update,
            notNullableTargetFields: _catalog?.FinOpsNotNullable(map), emptyNotNullableIsUnfilled: true);
        var mapping = new MappingLoop(request, MaxMappingPasses);
        for (var pending = mapping.Map(); ; pending = mapping.Map())
        {
            if (!mapping.Result.Succeeded)
            {
                return (mapping.Result, ApplyOutcome.Failed("Map '" + map.Name + "', Dataverse to F&O: " + string.Join(" ", mapping.Result.Errors)));
            }

            if (pending.Count == 0)
            {
                break;
            }

            var problem = await ReadKeyValuesAsync(map, mapping.Result.SourceKey, pending, mapping.Resolved, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return (mapping.Result, problem);
            }
        }

        return mapping.Unresolved.Count == 0
            ? (mapping.Result, null)
            : (mapping.Result, ApplyOutcome.RetryLater("Map '" + map.Name + "', key " + mapping.Result.SourceKey + ": the F&O values could not be completed in " + mapping.Passes
                + " passes (unresolved: " + string.Join(", ", mapping.Unresolved) + ")."));
    }

    /// <summary>Reads the code of each referenced Dataverse record into <paramref name="resolved"/>; the outcome that stops the apply, if any.</summary>
    private async Task<ApplyOutcome?> ReadKeyValuesAsync(TableMap map, string sourceKey, IReadOnlyList<LookupToResolve> pending, ResolvedLookups resolved, CancellationToken cancellationToken)
    {
        foreach (var lookup in pending)
        {
            if (lookup.Kind != LookupResolutionKind.ReadKeyValue || lookup.Id is not { } id)
            {
                return ApplyOutcome.Failed("Map '" + map.Name + "', key " + sourceKey + ": cannot " + lookup + " for field " + lookup.Field + " when writing to F&O.");
            }

            var read = await _dataverse.RetrieveAsync(lookup.EntitySet + "(" + id.ToString("D") + ")", new[] { lookup.KeyField }, cancellationToken).ConfigureAwait(false);
            if (!read.Succeeded)
            {
                return ErrorOutcomes.From(read.Error, "Map '" + map.Name + "', key " + sourceKey + ": read " + lookup.LogicalName + " " + id.ToString("D") + " for field " + lookup.Field);
            }

            var code = read.Value?[lookup.KeyField] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
            if (code is null)
            {
                return ApplyOutcome.Failed("Map '" + map.Name + "', key " + sourceKey + ": field " + lookup.Field + " refers to " + lookup.LogicalName + " "
                    + id.ToString("D") + (read.Value is null ? ", which does not exist." : ", whose " + lookup.KeyField + " is empty."));
            }

            resolved.AddKeyValue(lookup.Path, code);
        }

        return null;
    }
}
