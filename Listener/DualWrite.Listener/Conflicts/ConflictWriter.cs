using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Core.Conflicts;
using DualWrite.Core.Maps;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Processing;

namespace DualWrite.Listener.Conflicts;

/// <summary>
/// Applies a person's choice for a conflict through the normal writers, reading both records as they are now (not as
/// queued): F&amp;O's values reach Dataverse through the applier's upsert (tagged DualWrite, so the plug-in does not echo
/// it, and the synced base saved); Dataverse's reach F&amp;O through the applier's write-back.
/// </summary>
public sealed class ConflictWriter(ChangeApplier applier, FinOpsClient finOps, DataverseClient dataverse, TimeProvider time)
{
    private readonly FinOpsWriteBack writeBack = applier.WriteBack;

    /// <summary>Null when both sides now hold the chosen values; else why not, naming map and key.</summary>
    public async Task<string?> ApplyAsync(TableMap map, ConflictEntry entry, ConflictTake take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(entry);
        var finOpsPath = entry.Conflict.RecordKey;
        var context = "Map '" + map.Name + "', key " + finOpsPath;
        var finOpsRead = await finOps.GetAsync(finOpsPath, null, cancellationToken).ConfigureAwait(false);
        if (!finOpsRead.Succeeded)
        {
            return context + ": reading the F&O record failed: " + finOpsRead.Error.Message;
        }

        if (finOpsRead.Value is null)
        {
            return context + ": F&O no longer has the record; it was deleted there.";
        }

        if (take == ConflictTake.FinOps)
        {
            return await WriteFinOpsToDataverseAsync(map, finOpsRead.Value, context, cancellationToken).ConfigureAwait(false);
        }

        var dataverseRead = await ReadDataverseAsync(map, entry, cancellationToken).ConfigureAwait(false);
        if (dataverseRead.Problem is not null)
        {
            return context + ": " + dataverseRead.Problem;
        }

        IReadOnlySet<FieldMap>? only = take == ConflictTake.Merged ? ChangedInDataverse(map, dataverseRead.Record!, entry.Conflict.LastSyncedJson) : null;
        if (only is null || only.Count > 0)
        {
            var (_, problem) = await writeBack.WriteAsync(map, dataverseRead.Record!, finOpsPath, finOpsRead.Value, only, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem.Reason;
            }
        }

        if (take == ConflictTake.Dataverse)
        {
            return null;
        }

        // Merged: F&O now holds Dataverse's changes; what else differs takes F&O's value.
        var reread = await finOps.GetAsync(finOpsPath, null, cancellationToken).ConfigureAwait(false);
        if (!reread.Succeeded || reread.Value is null)
        {
            return context + ": reading the F&O record after writing Dataverse's changes failed" + (reread.Succeeded ? " (it is gone)." : ": " + reread.Error.Message);
        }

        return await WriteFinOpsToDataverseAsync(map, reread.Value, context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The fields Dataverse changed since the last sync (every field when there is no base).</summary>
    private static HashSet<FieldMap> ChangedInDataverse(TableMap map, JsonObject dataverseJson, string? lastSyncedJson)
    {
        var current = DataverseRecordReader.Read(map, dataverseJson);
        var synced = SyncedValues.Read(lastSyncedJson);
        var changed = new HashSet<FieldMap>();
        foreach (var field in map.Fields)
        {
            if (field.DataverseField is not { } column || !field.Carries(SyncDirection.DataverseToFinOps))
            {
                continue;
            }

            if (!synced.TryGetValue(column, out var before) || !FieldValueComparer.AreEqual(before, current[column] ?? DualWrite.Core.Records.RecordValue.Null))
            {
                changed.Add(field);
            }
        }

        return changed;
    }

    private async Task<string?> WriteFinOpsToDataverseAsync(TableMap map, JsonObject finOpsRecord, string context, CancellationToken cancellationToken)
    {
        var outcome = await applier.SyncRecordAsync(map, finOpsRecord, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        return outcome.Kind is ApplyOutcomeKind.Applied or ApplyOutcomeKind.Skipped ? null : context + ": writing F&O's values to Dataverse failed: " + outcome.Reason;
    }

    private async Task<(JsonObject? Record, string? Problem)> ReadDataverseAsync(TableMap map, ConflictEntry entry, CancellationToken cancellationToken)
    {
        var idField = map.Dataverse.LogicalName + "id";
        JsonObject? queued;
        try
        {
            queued = JsonNode.Parse(entry.Conflict.DataverseJson) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            queued = null;
        }

        if (queued?[idField]?.GetValue<string>() is not { } id)
        {
            return (null, "the queued Dataverse record has no " + idField + ".");
        }

        var read = await dataverse.RetrieveAsync(map.Dataverse.EntitySet + "(" + id + ")", DataverseRecordReader.SelectForFinOps(map), cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded)
        {
            return (null, "reading the Dataverse record " + id + " failed: " + read.Error.Message);
        }

        return read.Value is null ? (null, "Dataverse no longer has the record " + id + "; it was deleted there.") : (read.Value, null);
    }
}
