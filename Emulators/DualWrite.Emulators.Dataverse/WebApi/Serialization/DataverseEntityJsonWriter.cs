using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.WebApi.Routing;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.WebApi.Serialization;

/// <summary>
/// Writes a record as the Web API returns it: @odata.etag W/"versionnumber", every selected column (null when
/// empty, as the service does), lookups as _x_value, choices as numbers, dates as UTC ISO 8601.
/// </summary>
public static class DataverseEntityJsonWriter
{
    public static JsonObject Write(EntitySetModel set, Entity entity, IReadOnlyList<ColumnMetadata>? selected)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(entity);
        var json = new JsonObject();
        if (entity.RowVersion is { } version)
        {
            json["@odata.etag"] = ETag.Format(version);
        }

        var columns = selected ?? set.Table.Columns.OrderBy(c => c.LogicalName, StringComparer.Ordinal).ToList();
        foreach (var column in columns)
        {
            json[EntitySetModel.PropertyOf(column)] = ToJson(entity.Attributes.TryGetValue(column.LogicalName, out var value) ? value : null);
        }

        // The primary key is always returned, selected or not.
        json[set.Table.PrimaryIdAttribute] = entity.Id.ToString("D");
        return json;
    }

    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        decimal d => JsonValue.Create(d),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        Guid g => JsonValue.Create(g.ToString("D")),
        DateTime t => JsonValue.Create(FormatDate(t)),
        Money m => JsonValue.Create(m.Value),
        OptionSetValue o => JsonValue.Create(o.Value),
        OptionSetValueCollection c => JsonValue.Create(string.Join(",", c.Select(o => o.Value.ToString(CultureInfo.InvariantCulture)))),
        EntityReference r => JsonValue.Create(r.Id.ToString("D")),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public static string FormatDate(DateTime value)
        => (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
