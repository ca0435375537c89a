using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using DualWrite.Emulators.FinOps.Schema;

namespace DualWrite.Emulators.FinOps.OData;

/// <summary>
/// Reads a request body into field assignments, converting each JSON value to the field's stored
/// type. Every problem is collected, each naming the property and the value, in ODataLib's words.
/// </summary>
public static class FinOpsEntityJsonReader
{
    public static bool TryRead(string body, EntitySetSchema set, out Dictionary<FieldSchema, object?> values, out List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(set);
        values = new Dictionary<FieldSchema, object?>();
        problems = new List<string>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        }
        catch (JsonException ex)
        {
            problems.Add("The request body is not valid JSON: " + ex.Message);
            return false;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add("The request body must be a JSON object with the entity's properties.");
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                // Annotations (@odata.type, Name@odata.bind...) carry no field values here.
                if (property.Name.Contains('@', StringComparison.Ordinal))
                {
                    continue;
                }

                var field = set.FindField(property.Name);
                if (field is null)
                {
                    problems.Add("The property '" + property.Name + "' does not exist on type '" + set.EntityTypeName
                        + "'. Make sure to only use property names that are defined by the type.");
                    continue;
                }

                if (TryConvert(field, property.Value, out var value, out var problem))
                {
                    values[field] = value;
                }
                else
                {
                    problems.Add(problem!);
                }
            }
        }

        return problems.Count == 0;
    }

    private static bool TryConvert(FieldSchema field, JsonElement json, out object? value, out string? problem)
    {
        value = null;
        problem = null;
        if (json.ValueKind == JsonValueKind.Null)
        {
            // As the metadata says: ODataLib refuses null exactly for Nullable="false" properties. A null
            // string is stored as "none" (read back as ""), any other null as the field's default.
            if (field.IsNullable)
            {
                return true;
            }

            problem = "A null value was found for the property named '" + field.Name + "', which has the expected type '"
                + TypeName(field) + "[Nullable=False]'. The expected type does not allow null values.";
            return false;
        }

        switch (field.Kind)
        {
            case FieldKind.String when json.ValueKind == JsonValueKind.String:
                var text = json.GetString()!;
                value = text.Length == 0 ? null : text;
                return true;
            case FieldKind.Decimal when json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out var m):
                value = m;
                return true;
            case FieldKind.Decimal when json.ValueKind == JsonValueKind.String
                && decimal.TryParse(json.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms):
                value = ms;
                return true;
            case FieldKind.Int32 when json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var i):
                value = i;
                return true;
            case FieldKind.Int64 when json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var l):
                value = l;
                return true;
            case FieldKind.Int64 when json.ValueKind == JsonValueKind.String
                && long.TryParse(json.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ls):
                value = ls;
                return true;
            case FieldKind.Boolean when json.ValueKind is JsonValueKind.True or JsonValueKind.False:
                value = json.GetBoolean();
                return true;
            case FieldKind.Guid when json.ValueKind == JsonValueKind.String && Guid.TryParse(json.GetString(), out var g):
                value = g;
                return true;
            case FieldKind.DateTimeOffset when json.ValueKind == JsonValueKind.String && TryParseInstant(json.GetString()!, out var dto):
                value = dto;
                return true;
            case FieldKind.Enum when json.ValueKind == JsonValueKind.String:
                var member = field.FindEnumMember(json.GetString()!);
                if (member is null)
                {
                    problem = "The value '" + json.GetString() + "' of the property '" + field.Name + "' is not a member of the enum type '"
                        + field.EnumTypeName + "' (" + string.Join(", ", field.EnumMembers) + ").";
                    return false;
                }

                value = member;
                return true;
            default:
                problem = "Cannot convert the literal '" + json.GetRawText() + "' of the property '" + field.Name + "' to the expected type '" + TypeName(field) + "'.";
                return false;
        }
    }

    /// <summary>ISO 8601 with a zone (an instant without one would be read in the server's zone); stored in UTC.</summary>
    private static bool TryParseInstant(string text, out DateTimeOffset value)
    {
        var hasZone = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (hasZone && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        value = default;
        return false;
    }

    private static string TypeName(FieldSchema field) => field.Kind switch
    {
        FieldKind.Enum => field.EnumTypeName!,
        FieldKind.DateTimeOffset => "Edm.DateTimeOffset",
        var kind => "Edm." + kind,
    };
}
