using System;
using System.Collections.Generic;
using System.Globalization;
using DualWrite.Core.Json;
using DualWrite.Core.Mapping;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Wire;

/// <summary>
/// Mapped record values as the OData JSON both services read: the one place the plug-in (F&amp;O bodies) and
/// the listener (Dataverse and F&amp;O bodies) turn a payload into a request body. Values are typed as the
/// target declares (a <c>date</c> as <c>yyyy-MM-dd</c>); decimals keep their scale; binds are entity paths.
/// </summary>
public static class RecordJson
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>The payload as JSON text, properties in payload order.</summary>
    public static string Write(IEnumerable<PayloadField> payload, WireTarget target) => JsonWriter.Write(Body(payload, target));

    /// <summary>The payload as a JSON object, properties in payload order.</summary>
    public static JsonObject Body(IEnumerable<PayloadField> payload, WireTarget target)
    {
        if (payload is null)
        {
            throw new ArgumentNullException(nameof(payload));
        }

        var body = new JsonObject();
        foreach (var field in payload)
        {
            body.Set(field.Name, field.IsBind ? Bind(field) : Value(field.Value, field.Type, target));
        }

        return body;
    }

    /// <summary>One value in the form <paramref name="type"/> takes on the wire of <paramref name="target"/>.</summary>
    public static JsonNode Value(RecordValue value, FieldType type, WireTarget target)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

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
                return new JsonString(moment.ToString(type == FieldType.Date ? DateFormat : DateTimeFormat, CultureInfo.InvariantCulture));
            case Guid id:
                return new JsonString(id.ToString("D"));
            case LookupValue lookup:
                return Lookup(lookup, target);
            default:
                throw new NotSupportedException("A " + value.Kind + " value has no JSON form.");
        }
    }

    /// <summary><c>nav@odata.bind</c>: the referenced record's path, or null to clear the lookup.</summary>
    private static JsonNode Bind(PayloadField field) =>
        field.Value.TryGetString(out var path) ? new JsonString(path) : JsonNull.Instance;

    /// <summary>
    /// A lookup written as a plain value: F&amp;O knows the referenced record only by its code, so it gets the key
    /// value (a Dataverse id would be a wrong code, so none is refused); Dataverse takes the id when known.
    /// </summary>
    private static JsonNode Lookup(LookupValue lookup, WireTarget target)
    {
        if (target == WireTarget.FinOps)
        {
            return lookup.KeyValue is { } code
                ? new JsonString(code)
                : throw new NotSupportedException("A lookup to " + lookup + " without its key value cannot be written to F&O.");
        }

        return lookup.Id is Guid id ? new JsonString(id.ToString("D")) : new JsonString(lookup.KeyValue!);
    }
}
