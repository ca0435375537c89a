using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using DualWrite.Core.Mapping;

namespace DualWrite.Listener.Applying;

/// <summary>The Web API body of a write: each payload field as a JSON property, binds as <c>nav@odata.bind</c>.</summary>
public static class DataversePayload
{
    public static JsonObject From(IEnumerable<PayloadField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var json = new JsonObject();
        foreach (var field in fields)
        {
            json[field.Name] = field.IsBind
                ? (field.Value.TryGetString(out var bind) ? JsonValue.Create(bind) : null)
                : JsonValues.Write(field.Value, field.Type);
        }

        return json;
    }
}
