using System;
using System.Collections.Generic;
using System.Text.Json;
using DualWrite.Core.Keys;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>Writes rows as OData JSON (minimal metadata), enums as member symbols, dates in UTC.</summary>
public static class FinOpsEntityJsonWriter
{
    public static void WriteEntity(Utf8JsonWriter json, EntitySetSchema set, object?[] row, IReadOnlyList<FieldSchema>? select)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(row);
        json.WriteStartObject();
        WriteProperties(json, set, row, select);
        json.WriteEndObject();
    }

    /// <summary>The fields only, into an object the caller has opened (after @odata.context, say).</summary>
    public static void WriteProperties(Utf8JsonWriter json, EntitySetSchema set, object?[] row, IReadOnlyList<FieldSchema>? select)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(row);
        json.WriteString("@odata.etag", RowETag.Compute(set, row));
        foreach (var field in select ?? set.Fields)
        {
            json.WritePropertyName(field.Name);
            WriteValue(json, field, FieldValues.Read(field, row));
        }
    }

    private static void WriteValue(Utf8JsonWriter json, FieldSchema field, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case Guid g:
                json.WriteStringValue(g);
                break;
            case DateTimeOffset dto:
                json.WriteStringValue(ODataLiteral.Format(dto));
                break;
            default:
                throw new InvalidOperationException("The field " + field.Name + " holds a " + value.GetType().Name + ", which has no JSON form.");
        }
    }
}
