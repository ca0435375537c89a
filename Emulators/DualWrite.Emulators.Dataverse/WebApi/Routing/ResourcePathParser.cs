using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DualWrite.Core.Keys;
using DualWrite.Emulators.Dataverse.Metadata;
using DualWrite.Emulators.Dataverse.WebApi.Faults;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.WebApi.Routing;

/// <summary>
/// Parses the part of a Web API URL after /api/data/v9.2/: <c>accounts</c>, <c>accounts(&lt;guid&gt;)</c>,
/// <c>accounts(accountnumber='A1')</c>, <c>contacts(firstname='Joe',emailaddress1='a@b.c')</c>,
/// <c>accounts/Microsoft.Dynamics.CRM.CreateMultiple</c>, <c>$metadata</c>, <c>$batch</c>.
/// The path is as sent (percent-encoded); key values are OData literals read and decoded by Core's <see cref="ODataKeyParser"/>;
/// lookup parts are written _x_value=&lt;guid&gt;.
/// </summary>
public static class ResourcePathParser
{
    private const string ActionPrefix = "Microsoft.Dynamics.CRM.";

    public static ResourcePath Parse(ServiceModel model, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(model);
        var path = (relativePath ?? string.Empty).Trim('/');

        // The path is as sent: only key values may hold encoded characters that mean something, so the
        // segments that are names ($batch, an entity set, an action) are compared decoded.
        switch (Uri.UnescapeDataString(path))
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
            action = Uri.UnescapeDataString(path[(slash + 1)..]);
            path = path[..slash];
            if (action.StartsWith(ActionPrefix, StringComparison.Ordinal))
            {
                action = action[ActionPrefix.Length..];
            }
        }

        var open = path.IndexOf('(', StringComparison.Ordinal);
        var setName = Uri.UnescapeDataString(open < 0 ? path : path[..open]);
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

    /// <summary>
    /// Reads the inside of a key segment for <paramref name="set"/> with Core's key parser (OData literal rules),
    /// then binds each part to its column in the column's type. The text is as sent, percent-encoded: the parser
    /// decodes it (strict UTF-8), so a value's '/', '%' or '(' never reads as the URL's own.
    /// </summary>
    public static RecordKey ParseKey(EntitySetModel set, string keyText)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(keyText);
        ODataKey key;
        try
        {
            key = ODataKeyParser.ParsePredicate("(" + keyText + ")");
        }
        catch (ODataKeyParseException)
        {
            // The service answers every malformed key with the same message, whatever the flaw.
            throw InvalidKey(set);
        }

        if (key.IsUnnamed)
        {
            return key.Parts[0].Value is Guid id ? new RecordKey(id) : throw InvalidKey(set);
        }

        var keys = new KeyAttributeCollection();
        foreach (var part in key.Parts)
        {
            var column = set.ColumnOfProperty(part.Name!) ?? KeyAlias(set, part.Name!);
            if (column is null || keys.ContainsKey(column.LogicalName))
            {
                throw InvalidKey(set);
            }

            keys[column.LogicalName] = KeyValue(column, part.Value) ?? throw InvalidKey(set);
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

    /// <summary>A parsed literal in the column's stored type, or null when the literal does not fit the column.</summary>
    private static object? KeyValue(ColumnMetadata column, object literal) => (column.Type, literal) switch
    {
        (ColumnType.String or ColumnType.Memo, string text) => text,

        // A quoted date is what clients have sent so far; an unquoted date or date-time is the OData spelling.
        (ColumnType.DateTime, string text) when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) => date,
        (ColumnType.DateTime, DateTimeOffset instant) => instant.UtcDateTime,
        (ColumnType.DateTime, ODataDate day) => new DateTime(day.Year, day.Month, day.Day, 0, 0, 0, DateTimeKind.Utc),

        // A lookup part names the referenced record; as an EntityReference, an upsert that creates
        // stores it in the lookup column as the SDK would (a bare Guid is refused there).
        (ColumnType.Lookup or ColumnType.Owner, Guid reference) => new EntityReference(column.Targets.Count > 0 ? column.Targets[0] : string.Empty, reference),
        (ColumnType.UniqueIdentifier, Guid id) => id,
        (ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status, long number) when number is >= int.MinValue and <= int.MaxValue => (int)number,
        (ColumnType.BigInt, long number) => number,
        (ColumnType.Decimal or ColumnType.Money, long number) => (decimal)number,
        (ColumnType.Decimal or ColumnType.Money, decimal number) => number,
        (ColumnType.Boolean, bool flag) => flag,
        _ => null,
    };

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
}
