using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Listener.Applying;

/// <summary>
/// An F&amp;O OData record (JSON) as a neutral <see cref="DataRecord"/>, typed by the map's F&amp;O field types:
/// every property is read (filters may name fields the map does not), <c>@odata.*</c> annotations skipped.
/// A value whose JSON kind does not fit the declared type is read as it is, and the mapping engine
/// reports it with the map, field and key.
/// </summary>
public static class FinOpsRecordReader
{
    public static DataRecord Read(TableMap map, JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(json);
        var types = new Dictionary<string, FieldType>(StringComparer.Ordinal);
        foreach (var field in map.Fields)
        {
            if (field.FinOpsField is not null)
            {
                types[field.FinOpsField] = field.FinOpsType;
            }
        }

        var fields = new List<KeyValuePair<string, RecordValue>>();
        string? company = null;
        foreach (var property in json)
        {
            if (property.Key.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var value = JsonValues.Read(property.Value, types.TryGetValue(property.Key, out var type) ? type : null);
            fields.Add(new KeyValuePair<string, RecordValue>(property.Key, value));
            if (map.Company is not null && property.Key == map.Company.FinOpsField && value.TryGetString(out var code))
            {
                company = code;
            }
        }

        return new DataRecord(fields, company);
    }
}
