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
using DualWrite.Listener.Admin;
using DualWrite.Listener.Applying;
using DualWrite.Listener.Clients.Dataverse;
using DualWrite.Listener.Clients.FinOps;
using DualWrite.Listener.Clients.OData;

namespace DualWrite.Listener.ErrorQueue;

/// <summary>
/// Reads an error's record from both systems by key and lines up the map's fields: the F&amp;O record is mapped with the
/// map's fields (transforms and value maps included) and each mapped value compared with Dataverse's. A lookup is compared
/// by presence only, since Dataverse holds an id where F&amp;O holds a key.
/// </summary>
public sealed class ErrorRecordsReader(ErrorEntryStore entries, MapCatalog catalog, FinOpsClient finOps, DataverseClient dataverse, DataverseLookupResolver lookups)
{
    public async Task<OperationResult<RecordsSideBySide>> ReadAsync(long id, CancellationToken cancellationToken)
    {
        var entry = await entries.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return OperationResult<RecordsSideBySide>.Fail(OperationProblemKind.NotFound, "No error-queue entry has id " + id + ".");
        }

        var map = catalog.Maps.FirstOrDefault(m => string.Equals(m.Name, entry.Map, StringComparison.Ordinal));
        if (map is null)
        {
            return OperationResult<RecordsSideBySide>.Fail(OperationProblemKind.NotFound, "Error " + id + ": no map is named '" + entry.Map + "' any more.");
        }

        if (!string.Equals(entry.Direction, nameof(SyncDirection.FinOpsToDataverse), StringComparison.Ordinal))
        {
            return OperationResult<RecordsSideBySide>.Fail(OperationProblemKind.BadRequest, "Error " + id + " (map '" + map.Name + "', key " + entry.Key + ") failed from Dataverse to F&O; its records are compared from the F&O key only.");
        }

        var (path, problem) = ErrorRecordKeys.FinOpsPath(map, entry);
        if (problem is not null)
        {
            return OperationResult<RecordsSideBySide>.Fail(OperationProblemKind.BadRequest, "Error " + id + " (map '" + map.Name + "'): " + problem);
        }

        var finOpsRead = await finOps.GetAsync(path!, null, cancellationToken).ConfigureAwait(false);
        if (!finOpsRead.Succeeded)
        {
            return OperationResult<RecordsSideBySide>.Fail(OperationProblemKind.Failed, "Map '" + map.Name + "': reading " + path + " from F&O failed: " + finOpsRead.Error.Message);
        }

        if (finOpsRead.Value is null)
        {
            return OperationResult<RecordsSideBySide>.Success(new RecordsSideBySide(id, map.Name, entry.Key, [], null, null, "F&O has no record " + path + " (deleted)."));
        }

        var source = FinOpsRecordReader.Read(map, finOpsRead.Value);
        // As the applier maps: the company and lookups resolved to Dataverse ids, so the Dataverse key is complete.
        var mapping = new MappingLoop(new MappingRequest(map, SyncDirection.FinOpsToDataverse, source, SyncOperation.Create), 4, findBoundIds: true);
        for (var pending = mapping.Map(); pending.Count > 0 && mapping.Result.Succeeded; pending = mapping.Map())
        {
            if (await lookups.ResolveAsync(map, mapping.Result.SourceKey, source.Company, pending, mapping.Resolved, cancellationToken).ConfigureAwait(false) is not null)
            {
                break;
            }
        }

        var result = mapping.Result;
        JsonObject? dataverseRecord = null;
        string? note = null;
        if (result.TargetKey is { Key: { } key } targetKey)
        {
            var select = DataverseRecordReader.SelectFor(map);
            if (targetKey.IsUsableInUrl)
            {
                var read = await dataverse.RetrieveAsync(targetKey.Path!, select, cancellationToken).ConfigureAwait(false);
                dataverseRecord = read.Succeeded ? read.Value : null;
                note = read.Succeeded ? null : "Reading " + targetKey.Path + " from Dataverse failed: " + read.Error.Message;
            }
            else
            {
                var page = await dataverse.QueryPageAsync(map.Dataverse.EntitySet, new ODataQuery { Filter = DataverseLookupResolver.FilterFor(key), Select = select, Top = 1 }, null, cancellationToken).ConfigureAwait(false);
                dataverseRecord = page.Succeeded && page.Value!.Rows.Count > 0 ? page.Value.Rows[0] : null;
                note = page.Succeeded ? null : "Reading " + map.Dataverse.EntitySet + " from Dataverse failed: " + page.Error.Message;
            }

            note ??= dataverseRecord is null ? "Dataverse has no record " + targetKey + "." : null;
        }
        else
        {
            note = "The Dataverse key cannot be built from the F&O record: " + string.Join(" ", result.Errors);
        }

        var fields = Compare(map, source, result, dataverseRecord is null ? null : DataverseRecordReader.Read(map, dataverseRecord));
        return OperationResult<RecordsSideBySide>.Success(new RecordsSideBySide(id, map.Name, entry.Key, fields, finOpsRead.Value, dataverseRecord, note));
    }

    private static List<FieldComparison> Compare(TableMap map, DataRecord source, MappingResult result, DataRecord? target)
    {
        var payload = new Dictionary<FieldMap, PayloadField>();
        foreach (var field in result.Payload)
        {
            if (field.Field is not null)
            {
                payload[field.Field] = field;
            }
        }

        var fields = new List<FieldComparison>();
        foreach (var field in map.Fields)
        {
            if (field.DataverseField is null)
            {
                continue;
            }

            var finOpsValue = field.FinOpsField is null ? null : source[field.FinOpsField];
            var dataverseValue = target?[field.DataverseField];
            bool differs;
            if (target is null)
            {
                differs = true;
            }
            else if (payload.TryGetValue(field, out var mapped) && !mapped.IsBind)
            {
                differs = !FieldValueComparer.AreEqual(mapped.Value, dataverseValue ?? RecordValue.Null);
            }
            else
            {
                differs = IsEmpty(finOpsValue) != IsEmpty(dataverseValue);
            }

            fields.Add(new FieldComparison(field.DataverseField, field.FinOpsField, Text(finOpsValue), Text(dataverseValue), differs));
        }

        return fields;
    }

    private static bool IsEmpty(RecordValue? value) => value is null || value.IsNull;

    private static string? Text(RecordValue? value) => value is null || value.IsNull ? null : value.ToString();
}
