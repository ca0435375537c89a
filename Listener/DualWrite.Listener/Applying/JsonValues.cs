using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Listener.Applying;

/// <summary>
/// JSON values read into record values, by declared type where one is known (both services speak OData JSON).
/// The other way, record values to a request body, is Core's <see cref="DualWrite.Core.Wire.RecordJson"/>.
/// </summary>
public static class JsonValues
{
    public static RecordValue Read(JsonNode? node, FieldType? type)
    {
        if (node is null)
        {
            return RecordValue.Null;
        }

        if (node is not JsonValue value)
        {
            return RecordValue.FromString(node.ToJsonString());
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return RecordValue.FromBoolean(true);
            case JsonValueKind.False:
                return RecordValue.FromBoolean(false);
            case JsonValueKind.Null:
                return RecordValue.Null;
            case JsonValueKind.Number:
                return ReadNumber(value, type);
            case JsonValueKind.String:
                return ReadString(value.GetValue<string>(), type);
            default:
                return RecordValue.FromString(value.ToJsonString());
        }
    }

    private static RecordValue ReadNumber(JsonValue value, FieldType? type)
    {
        var isInteger = value.TryGetValue<long>(out var integer);
        switch (type)
        {
            case FieldType.Decimal:
                return RecordValue.FromDecimal(value.GetValue<decimal>());
            case FieldType.Money:
                return RecordValue.FromMoney(value.GetValue<decimal>());
            case FieldType.Int or FieldType.Long or FieldType.Choice or FieldType.Enum when isInteger:
                return RecordValue.FromInteger(integer);
            default:
                return isInteger ? RecordValue.FromInteger(integer) : RecordValue.FromDecimal(value.GetValue<decimal>());
        }
    }

    private static RecordValue ReadString(string text, FieldType? type)
    {
        switch (type)
        {
            case FieldType.Date or FieldType.DateTime:
                return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment)
                    ? RecordValue.FromDateTime(moment.UtcDateTime)
                    : RecordValue.FromString(text);
            case FieldType.Guid or FieldType.Lookup:
                return Guid.TryParse(text, out var id) ? RecordValue.FromGuid(id) : RecordValue.FromString(text);
            case FieldType.Decimal or FieldType.Money:
                // Some services send decimals as strings (IEEE754Compatible=true).
                return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? (type == FieldType.Money ? RecordValue.FromMoney(number) : RecordValue.FromDecimal(number))
                    : RecordValue.FromString(text);
            default:
                return RecordValue.FromString(text);
        }
    }
}
