using System;
using System.Collections.Generic;
using System.Globalization;
using DualWrite.Core.Json;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Plugins.WriteThrough;

/// <summary>The JSON body of an F&amp;O write: the mapped payload fields, in map order, typed as the map declares.</summary>
public static class PayloadJson
{
    public static string Write(IReadOnlyList<PayloadField> payload)
    {
        var body = new JsonObject();
        foreach (var field in payload)
        {
            body.Set(field.Name, ToJson(field.Value, field.Type));
        }

        return JsonWriter.Write(body);
    }

    public static JsonNode ToJson(RecordValue value, FieldType type)
    {
        switch (value.Value)
        {
            case null:
                return JsonNull.Instance;
            case string text:
                return new JsonString(text);
            case long number:
                return JsonNumber.FromInt64(number);
            case decimal number:
                return JsonNumber.FromDecimal(number);
            case bool flag:
                return flag ? JsonBoolean.True : JsonBoolean.False;
            case DateTime moment:
                return new JsonString(type == FieldType.Date
                    ? moment.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : moment.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            case Guid id:
                return new JsonString(id.ToString("D"));
            case LookupValue lookup when lookup.KeyValue is not null:
                return new JsonString(lookup.KeyValue);
            default:
                throw new NotSupportedException("A " + value.Kind + " value cannot be written to F&O.");
        }
    }
}
