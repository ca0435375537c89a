using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using DualWrite.Emulators.Dataverse.WebApi.Routing;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.WebApi.Serialization;

/// <summary>
/// Turns a Web API request body into an Entity: columns by their type, lookups only through
/// "navigation@odata.bind" (case-sensitive names; _x_value is read-only, as on the service), annotations skipped.
/// </summary>
public static class DataverseEntityJsonReader
{
    private const string BindSuffix = "@odata.bind";

    /// <param name="resolveBind">Turns a bind value (relative or absolute URL, or $n) into a reference.</param>
    public static Entity Read(EntitySetModel set, JsonObject body, Func<string, EntityReference> resolveBind)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(resolveBind);
        var entity = new Entity(set.Table.LogicalName);
        foreach (var (name, node) in body)
        {
            if (name.EndsWith(BindSuffix, StringComparison.Ordinal))
            {
                var navigationName = name[..^BindSuffix.Length];
                if (!set.TryGetNavigation(navigationName, out var navigation))
                {
                    throw WebApiException.BadRequest(
                        $"An undeclared property '{navigationName}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.");
                }

                if (node is null)
                {
                    entity[navigation.Column] = null;
                    continue;
                }

                var url = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw WebApiException.BadRequest($"The value of '{name}' must be a URL string.");
                var reference = resolveBind(url);
                if (!string.Equals(reference.LogicalName, navigation.TargetTable, StringComparison.Ordinal))
                {
                    throw WebApiException.BadRequest(
                        $"The navigation property '{navigationName}' points at '{navigation.TargetTable}', but '{url}' names a '{reference.LogicalName}' record.");
                }

                entity[navigation.Column] = reference;
                continue;
            }

            if (name.Contains('@', StringComparison.Ordinal))
            {
                continue; // instance annotations (@odata.type, @odata.etag, x@OData.Community.Display.V1.FormattedValue)
            }

            if (string.Equals(name, set.Table.PrimaryIdAttribute, StringComparison.Ordinal))
            {
                entity.Id = ReadGuid(name, node);
                continue;
            }

            var column = set.ColumnOfProperty(name);
            if (column is null)
            {
                throw WebApiException.BadRequest(
                    $"The property '{name}' does not exist on type '{set.TypeName}'. Make sure to only use property names that are defined by the type.");
            }

            if (column.Type is ColumnType.Lookup or ColumnType.Owner)
            {
                throw WebApiException.BadRequest(
                    $"CRM do not support direct update of Entity Reference properties, Use Navigation properties instead ('{name}').");
            }

            entity[column.LogicalName] = ReadValue(column, name, node);
        }

        return entity;
    }

    private static object? ReadValue(ColumnMetadata column, string name, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonValue value)
        {
            throw WrongType(name, column);
        }

        try
        {
            var kind = value.GetValueKind();
            return column.Type switch
            {
                ColumnType.String or ColumnType.Memo when kind == JsonValueKind.String => value.GetValue<string>(),
                ColumnType.Integer when kind == JsonValueKind.Number => value.GetValue<int>(),
                ColumnType.BigInt when kind == JsonValueKind.Number => value.GetValue<long>(),
                ColumnType.Decimal when kind == JsonValueKind.Number => value.GetValue<decimal>(),
                ColumnType.Money when kind == JsonValueKind.Number => new Money(value.GetValue<decimal>()),
                ColumnType.Double when kind == JsonValueKind.Number => value.GetValue<double>(),
                ColumnType.Boolean when kind is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
                ColumnType.Picklist or ColumnType.State or ColumnType.Status when kind == JsonValueKind.Number => new OptionSetValue(value.GetValue<int>()),
                ColumnType.MultiSelectPicklist when kind == JsonValueKind.String => new OptionSetValueCollection(
                    value.GetValue<string>().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => new OptionSetValue(int.Parse(p, CultureInfo.InvariantCulture))).ToList()),
                ColumnType.DateTime when kind == JsonValueKind.String => ReadDate(value.GetValue<string>()) ?? throw WrongType(name, column),
                ColumnType.UniqueIdentifier => ReadGuid(name, node),
                _ => throw WrongType(name, column),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException)
        {
            throw WrongType(name, column);
        }
    }

    private static DateTime? ReadDate(string text)
        => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static Guid ReadGuid(string name, JsonNode? node)
        => node is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var g)
            ? g
            : throw WebApiException.BadRequest($"Cannot convert the literal for '{name}' to the expected type 'Edm.Guid'.");

    private static WebApiException WrongType(string name, ColumnMetadata column)
        => WebApiException.BadRequest($"Cannot convert the literal for property '{name}' to the expected type of column '{column.LogicalName}' ({column.Type}).");
}
