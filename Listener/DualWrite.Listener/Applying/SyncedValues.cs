using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Core.Records;

namespace DualWrite.Listener.Applying;

/// <summary>
/// The last synced values of one record (the three-way merge's base), by Dataverse column, as the state
/// store keeps them: <c>{"name":{"s":"Contoso"},"creditlimit":{"m":"1500"},"msdyn_customergroupid":{"l":{...}}}</c>.
/// The kind is kept so a money or a lookup reads back as what it was.
/// </summary>
public static class SyncedValues
{
    public static string Write(IReadOnlyDictionary<string, RecordValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var json = new JsonObject();
        foreach (var (column, value) in values)
        {
            json[column] = WriteValue(value);
        }

        return json.ToJsonString();
    }

    public static Dictionary<string, RecordValue> Read(string? text)
    {
        var values = new Dictionary<string, RecordValue>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return values;
        }

        JsonObject? json;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            // A base that does not read is no base: the merge then treats disagreements as conflicts.
            return values;
        }

        if (json is null)
        {
            return values;
        }

        foreach (var (column, node) in json)
        {
            if (node is JsonObject tagged && ReadValue(tagged) is { } value)
            {
                values[column] = value;
            }
        }

        return values;
    }

    private static JsonObject WriteValue(RecordValue value) => value.Value switch
    {
        null => new JsonObject { ["n"] = true },
        string text => new JsonObject { ["s"] = text },
        long integer => new JsonObject { ["i"] = integer },
        decimal number when value.Kind == RecordValueKind.Money => new JsonObject { ["m"] = number.ToString(CultureInfo.InvariantCulture) },
        decimal number => new JsonObject { ["d"] = number.ToString(CultureInfo.InvariantCulture) },
        bool flag => new JsonObject { ["b"] = flag },
        DateTime moment => new JsonObject { ["t"] = moment.Ticks },
        Guid id => new JsonObject { ["g"] = id.ToString("D") },
        LookupValue lookup => new JsonObject
        {
            ["l"] = new JsonObject { ["table"] = lookup.LogicalName, ["id"] = lookup.Id?.ToString("D"), ["key"] = lookup.KeyValue },
        },
        _ => new JsonObject { ["s"] = value.ToString() },
    };

    private static RecordValue? ReadValue(JsonObject tagged)
    {
        foreach (var (kind, node) in tagged)
        {
            switch (kind)
            {
                case "n":
                    return RecordValue.Null;
                case "s":
                    return RecordValue.FromString(node?.GetValue<string>());
                case "i":
                    return RecordValue.FromInteger(node!.GetValue<long>());
                case "m":
                    return RecordValue.FromMoney(decimal.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture));
                case "d":
                    return RecordValue.FromDecimal(decimal.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture));
                case "b":
                    return RecordValue.FromBoolean(node!.GetValue<bool>());
                case "t":
                    return RecordValue.FromDateTime(new DateTime(node!.GetValue<long>(), DateTimeKind.Utc));
                case "g":
                    return RecordValue.FromGuid(Guid.Parse(node!.GetValue<string>()));
                case "l" when node is JsonObject lookup:
                    var id = lookup["id"]?.GetValue<string>();
                    var key = lookup["key"]?.GetValue<string>();
                    return id is null && key is null
                        ? RecordValue.Null
                        : RecordValue.FromLookup(new LookupValue(lookup["table"]!.GetValue<string>(), id is null ? null : Guid.Parse(id), key));
            }
        }

        return null;
    }
}
