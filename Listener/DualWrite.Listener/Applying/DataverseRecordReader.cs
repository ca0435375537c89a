using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Listener.Applying;

/// <summary>
/// A Dataverse Web API record (JSON) as a neutral record of the map's Dataverse columns. A lookup column
/// comes back as <c>_&lt;column&gt;_value</c> (the referenced id), read as a <see cref="LookupValue"/> by id.
/// </summary>
public static class DataverseRecordReader
{
    /// <summary>The columns to <c>$select</c> for <paramref name="map"/>: its F&amp;O → Dataverse columns, lookups as <c>_x_value</c>, and <c>modifiedon</c>.</summary>
    public static IReadOnlyList<string> SelectFor(TableMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var columns = new List<string> { map.Dataverse.LogicalName + "id", "modifiedon" };
        foreach (var field in map.Fields)
        {
            if (field.Carries(SyncDirection.FinOpsToDataverse) && field.DataverseField is { } column)
            {
                var name = field.Lookup is null ? column : LookupProperty(column);
                if (!columns.Contains(name))
                {
                    columns.Add(name);
                }
            }
        }

        return columns;
    }

    public static DataRecord Read(TableMap map, JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(json);
        var fields = new List<KeyValuePair<string, RecordValue>>();
        foreach (var field in map.Fields)
        {
            if (field.DataverseField is not { } column || fields.Exists(f => f.Key == column))
            {
                continue;
            }

            if (field.Lookup is not null)
            {
                if (json.TryGetPropertyValue(LookupProperty(column), out var idNode))
                {
                    var id = JsonValues.Read(idNode, FieldType.Guid);
                    fields.Add(new(column, id.TryGetGuid(out var guid) ? RecordValue.FromLookup(LookupValue.ById(field.Lookup.LogicalName, guid)) : RecordValue.Null));
                }

                continue;
            }

            if (json.TryGetPropertyValue(column, out var node))
            {
                fields.Add(new(column, JsonValues.Read(node, field.DataverseType)));
            }
        }

        // The company lookup, when the record was read with it (SelectForFinOps): mapping to F&O needs its code.
        if (map.Company is { } company && !fields.Exists(f => f.Key == company.DataverseField)
            && json.TryGetPropertyValue(LookupProperty(company.DataverseField), out var companyNode))
        {
            var id = JsonValues.Read(companyNode, FieldType.Guid);
            fields.Add(new(company.DataverseField, id.TryGetGuid(out var guid) ? RecordValue.FromLookup(LookupValue.ById(company.LogicalName, guid)) : RecordValue.Null));
        }

        return new DataRecord(fields);
    }

    /// <summary>
    /// The columns to <c>$select</c> to map a record to F&amp;O: its Dataverse → F&amp;O columns, the key and the company
    /// (lookups as <c>_x_value</c>), and <c>modifiedon</c>.
    /// </summary>
    public static IReadOnlyList<string> SelectForFinOps(TableMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var columns = new List<string> { map.Dataverse.LogicalName + "id", "modifiedon" };
        void Add(string name)
        {
            if (!columns.Contains(name))
            {
                columns.Add(name);
            }
        }

        foreach (var field in map.Fields)
        {
            if (field.DataverseField is { } column && (field.Carries(SyncDirection.DataverseToFinOps) || System.Linq.Enumerable.Contains(map.Dataverse.KeyFields, column)))
            {
                Add(field.Lookup is null ? column : LookupProperty(column));
            }
        }

        if (map.Company is { } company)
        {
            Add(LookupProperty(company.DataverseField));
        }

        return columns;
    }

    /// <summary>The record's <c>modifiedon</c>, when it carries one.</summary>
    public static DateTime? ModifiedOn(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json["modifiedon"] is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment)
            ? moment.UtcDateTime
            : null;
    }

    /// <summary>The Web API's name for a lookup's id: <c>_&lt;column&gt;_value</c>.</summary>
    public static string LookupProperty(string column) => "_" + column + "_value";
}
