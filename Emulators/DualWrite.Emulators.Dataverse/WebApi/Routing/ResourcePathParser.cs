using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.WebApi.Routing;

/// <summary>
/// Parses the part of a Web API URL after /api/data/v9.2/: <c>accounts</c>, <c>accounts(&lt;guid&gt;)</c>,
/// <c>accounts(accountnumber='A1')</c>, <c>contacts(firstname='Joe',emailaddress1='a@b.c')</c>,
/// <c>accounts/Microsoft.Dynamics.CRM.CreateMultiple</c>, <c>$metadata</c>, <c>$batch</c>.
/// String key values use OData literals (quotes doubled); lookup parts are written _x_value=&lt;guid&gt;.
/// </summary>
public static class ResourcePathParser
{
    private const string ActionPrefix = "Microsoft.Dynamics.CRM.";

    public static ResourcePath Parse(ServiceModel model, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(model);
        var path = (relativePath ?? string.Empty).Trim('/');
        switch (path)
        {
            case "":
                return new ResourcePath(ResourceKind.ServiceDocument);
            case "$metadata":
                return new ResourcePath(ResourceKind.Metadata);
            case "$batch":
                return new ResourcePath(ResourceKind.Batch);
        }

        string? action = null;
        var slash = FindOutsideQuotes(path, '/');
        if (slash >= 0)
        {
            action = path[(slash + 1)..];
            path = path[..slash];
            if (action.StartsWith(ActionPrefix, StringComparison.Ordinal))
            {
                action = action[ActionPrefix.Length..];
            }
        }

        var open = path.IndexOf('(', StringComparison.Ordinal);
        var setName = open < 0 ? path : path[..open];
        var set = model.EntitySet(setName);
        if (open < 0)
        {
            if (action is null)
            {
                return new ResourcePath(ResourceKind.Collection, set);
            }

            if (action is not ("CreateMultiple" or "UpdateMultiple" or "UpsertMultiple"))
            {
                throw WebApiException.NotFound($"Resource not found for the segment '{action}'.");
            }

            return new ResourcePath(ResourceKind.CollectionAction, set, Action: action);
        }

        if (!path.EndsWith(')'))
        {
            throw WebApiException.BadRequest($"Bad Request - Error in query syntax: '{relativePath}'.");
        }

        if (action is not null)
        {
            throw WebApiException.BadRequest($"The emulator does not support the segment '{action}' after a record (no property or navigation paths).");
        }

        return new ResourcePath(ResourceKind.Record, set, ParseKey(set, path[(open + 1)..^1]));
    }

    /// <summary>Parses the inside of a key segment for <paramref name="set"/>.</summary>
    public static RecordKey ParseKey(EntitySetModel set, string keyText)
    {
        ArgumentNullException.ThrowIfNull(set);
        var parts = SplitOutsideQuotes(keyText);
        if (parts.Count == 1 && FindOutsideQuotes(parts[0], '=') < 0)
        {
            return Guid.TryParse(parts[0].Trim(), out var id)
                ? new RecordKey(id)
                : throw InvalidKey(set);
        }

        var keys = new KeyAttributeCollection();
        foreach (var part in parts)
        {
            var equals = FindOutsideQuotes(part, '=');
            if (equals <= 0)
            {
                throw InvalidKey(set);
            }

            var name = part[..equals].Trim();
            var column = set.ColumnOfProperty(name) ?? KeyAlias(set, name);
            if (column is null || keys.ContainsKey(column.LogicalName))
            {
                throw InvalidKey(set);
            }

            keys[column.LogicalName] = ParseKeyValue(set, column, part[(equals + 1)..].Trim());
        }

        if (keys.Count == 1 && keys.TryGetValue(set.Table.PrimaryIdAttribute, out var direct) && direct is Guid guid)
        {
            return new RecordKey(guid);
        }

        // Only a declared alternate key (all of its parts, nothing else) may name a record.
        if (set.Table.FindKeyByColumns(keys.Keys) is null)
        {
            throw InvalidKey(set);
        }

        return new RecordKey(keys);
    }

    /// <summary>
    /// A key part may also be named by its alias in the AlternateKeys annotation, which for a lookup part is the
    /// lookup's name (msdyn_company=&lt;guid&gt; as well as _msdyn_company_value=&lt;guid&gt;), or by the primary key.
    /// </summary>
    private static ColumnMetadata? KeyAlias(EntitySetModel set, string name)
    {
        var table = set.Table;
        if (name == table.PrimaryIdAttribute)
        {
            return table.TryGetColumn(name, out var primaryKey) ? primaryKey : null;
        }

        return table.AlternateKeys.Any(k => k.Columns.Contains(name)) && table.TryGetColumn(name, out var part) ? part : null;
    }

    private static object ParseKeyValue(EntitySetModel set, ColumnMetadata column, string literal)
    {
        if (literal.Length >= 2 && literal[0] == '\'' && literal[^1] == '\'')
        {
            var text = literal[1..^1].Replace("''", "'", StringComparison.Ordinal);
            return column.Type switch
            {
                ColumnType.String or ColumnType.Memo => text,
                ColumnType.DateTime when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) => date,
                _ => throw InvalidKey(set),
            };
        }

        object? value = column.Type switch
        {
            // A lookup part names the referenced record; as an EntityReference, an upsert that creates
            // stores it in the lookup column as the SDK would (a bare Guid is refused there).
            ColumnType.Lookup or ColumnType.Owner when column.Targets.Count == 1 => Guid.TryParse(literal, out var r) ? new EntityReference(column.Targets[0], r) : null,
            ColumnType.UniqueIdentifier => Guid.TryParse(literal, out var g) ? g : null,
            // A lookup part is a reference, so an upsert that creates the record stores it as a lookup value.
            ColumnType.Lookup or ColumnType.Owner => Guid.TryParse(literal, out var r) ? new EntityReference(column.Targets.Count > 0 ? column.Targets[0] : string.Empty, r) : null,
            ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status => int.TryParse(literal, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            ColumnType.BigInt => long.TryParse(literal, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null,
            ColumnType.Decimal or ColumnType.Money => decimal.TryParse(literal, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null,
            ColumnType.Boolean => literal switch { "true" => true, "false" => false, _ => null },
            _ => null,
        };
        return value ?? throw InvalidKey(set);
    }

    private static WebApiException InvalidKey(EntitySetModel set)
        => WebApiException.BadRequest(
            $"The key in the request URI is not valid for resource '{set.TypeName}'. Make sure that the key values in the request URI match the declared or alternate key properties for the resource.");

    internal static int FindOutsideQuotes(string text, char wanted)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\'')
            {
                quoted = !quoted; // a doubled quote toggles twice
            }
            else if (!quoted && text[i] == wanted)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> SplitOutsideQuotes(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '\'')
            {
                quoted = !quoted;
            }

            if (c == ',' && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        return parts;
    }
}
