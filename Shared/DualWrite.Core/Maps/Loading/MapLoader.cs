using System;
using System.Collections.Generic;
using DualWrite.Core.Json;

namespace DualWrite.Core.Maps.Loading;

/// <summary>
/// Reads a table map from the text of its JSON file (Shared/maps/FORMAT.md). Takes text, not a path:
/// the plug-in that compiles this in may not touch the file system. Reports every problem at once,
/// each with the file, line, column and property path.
/// </summary>
public static class MapLoader
{
    /// <summary>The map file versions this loader reads.</summary>
    public const int SchemaVersion = 1;

    private static readonly string[] TopLevelProperties =
    {
        "schemaVersion", "name", "description", "direction", "conflictPolicy", "finOps", "dataverse", "company", "fields",
    };

    /// <param name="json">The file's text.</param>
    /// <param name="file">The file name to quote in errors (e.g. <c>customers-v3.json</c>).</param>
    public static MapLoadResult Load(string json, string file)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        var reader = new MapDocumentReader(file ?? throw new ArgumentNullException(nameof(file)));
        JsonNode document;
        try
        {
            document = JsonParser.Parse(json);
        }
        catch (JsonParseException invalid)
        {
            return MapLoadResult.Failure(new[] { new MapLoadError(file, invalid.Line, invalid.Column, string.Empty, "not valid JSON: " + invalid.Reason) });
        }

        var root = reader.AsObject(document, string.Empty);
        if (root is null || !ReadSchemaVersion(reader, root))
        {
            // Another version's properties could mean anything: stop at the version.
            return MapLoadResult.Failure(reader.Errors);
        }

        var map = ReadMap(reader, root);
        return map is not null && reader.ErrorCount == 0 ? MapLoadResult.Success(map) : MapLoadResult.Failure(reader.Errors);
    }

    private static bool ReadSchemaVersion(MapDocumentReader reader, JsonObject root)
    {
        var node = root["schemaVersion"];
        if (node is null)
        {
            reader.Error(root, string.Empty, "missing required property 'schemaVersion' (this loader reads version " + SchemaVersion + ").");
            return false;
        }

        if (node is JsonNumber number && number.TryGetInt64(out var version) && version == SchemaVersion)
        {
            return true;
        }

        // A quoted "1" would otherwise read as "version '1' is not supported; this loader reads version 1".
        reader.Error(node, "schemaVersion", node is JsonNumber
            ? "schema version " + MapDocumentReader.Describe(node) + " is not supported; this loader reads version " + SchemaVersion + "."
            : "expected the number " + SchemaVersion + ", found " + MapDocumentReader.Describe(node) + " (a " + node.Kind.ToString().ToLowerInvariant() + ").");
        return false;
    }

    private static TableMap? ReadMap(MapDocumentReader reader, JsonObject root)
    {
        reader.RejectUnknownProperties(root, string.Empty, TopLevelProperties);
        var name = reader.ReadString(root, "name", string.Empty, required: true);
        if (name is not null && name.Trim().Length == 0)
        {
            // Blank names cannot identify a map in logs, plans and the admin API.
            reader.Error(root["name"]!, "name", "expected a map name, found only blanks.");
            name = null;
        }

        var description = reader.ReadString(root, "description", string.Empty, required: false);
        var direction = reader.ReadEnum<MapDirection>(root, "direction", string.Empty, required: true, "a direction");
        var policy = reader.ReadEnum<ConflictPolicy>(root, "conflictPolicy", string.Empty, required: false, "a conflict policy");
        var finOps = ReadFinOpsTable(reader, root);
        var dataverse = ReadDataverseTable(reader, root);
        var company = ReadCompany(reader, root);
        var errorsBeforeFields = reader.ErrorCount;
        var fields = direction is null ? null : ReadFields(reader, root, direction.Value, company);

        // Cross-checks only over a complete set of fields: a field that failed to load would be reported twice.
        if (name is null || direction is null || finOps is null || dataverse is null || fields is null || reader.ErrorCount > errorsBeforeFields)
        {
            return null;
        }

        CheckCompanyKeys(reader, root, finOps, dataverse, company);
        CheckKeysAreMapped(reader, root, direction.Value, finOps, dataverse, company, fields);
        CheckTargetsAreUnique(reader, root, fields, company);

        return new TableMap(
            SchemaVersion,
            name,
            description,
            direction.Value,
            policy ?? TableMap.DefaultConflictPolicy(direction.Value),
            finOps,
            dataverse,
            company,
            fields);
    }

    private static FinOpsTable? ReadFinOpsTable(MapDocumentReader reader, JsonObject root)
    {
        var side = reader.ReadObject(root, "finOps", string.Empty, required: true);
        if (side is null)
        {
            return null;
        }

        reader.RejectUnknownProperties(side, "finOps", "entitySet", "key", "filter");
        var entitySet = reader.ReadString(side, "entitySet", "finOps", required: true);
        var key = reader.ReadNameList(side, "key", "finOps", required: true);
        var filter = reader.ReadString(side, "filter", "finOps", required: false);
        var filterParses = FilterCheck.Check(reader, side["filter"], "finOps.filter", filter);
        return entitySet is null || key is null || !filterParses ? null : new FinOpsTable(entitySet, key, filter);
    }

    private static DataverseTable? ReadDataverseTable(MapDocumentReader reader, JsonObject root)
    {
        var side = reader.ReadObject(root, "dataverse", string.Empty, required: true);
        if (side is null)
        {
            return null;
        }

        reader.RejectUnknownProperties(side, "dataverse", "entitySet", "logicalName", "key", "filter");
        var entitySet = reader.ReadString(side, "entitySet", "dataverse", required: true);
        var logicalName = reader.ReadString(side, "logicalName", "dataverse", required: true);
        var key = reader.ReadNameList(side, "key", "dataverse", required: true);
        var filter = reader.ReadString(side, "filter", "dataverse", required: false);
        var filterParses = FilterCheck.Check(reader, side["filter"], "dataverse.filter", filter);
        return entitySet is null || logicalName is null || key is null || !filterParses ? null : new DataverseTable(entitySet, logicalName, key, filter);
    }

    private static CompanyStriping? ReadCompany(MapDocumentReader reader, JsonObject root)
    {
        var company = reader.ReadObject(root, "company", string.Empty, required: false);
        if (company is null)
        {
            return null;
        }

        reader.RejectUnknownProperties(company, "company", "finOpsField", "dataverseField", "entitySet", "logicalName", "codeField");
        return new CompanyStriping(
            reader.ReadString(company, "finOpsField", "company", required: false) ?? CompanyStriping.DefaultFinOpsField,
            reader.ReadString(company, "dataverseField", "company", required: false) ?? CompanyStriping.DefaultDataverseField,
            reader.ReadString(company, "entitySet", "company", required: false) ?? CompanyStriping.DefaultEntitySet,
            reader.ReadString(company, "logicalName", "company", required: false) ?? CompanyStriping.DefaultLogicalName,
            reader.ReadString(company, "codeField", "company", required: false) ?? CompanyStriping.DefaultCodeField);
    }

    private static List<FieldMap>? ReadFields(MapDocumentReader reader, JsonObject root, MapDirection direction, CompanyStriping? company)
    {
        var array = reader.ReadArray(root, "fields", string.Empty, required: true);
        if (array is null)
        {
            return null;
        }

        if (array.Count == 0)
        {
            reader.Error(array, "fields", "a map needs at least one field mapping.");
        }

        var fieldReader = new FieldMapReader(reader, direction, company);
        var fields = new List<FieldMap>();
        for (var i = 0; i < array.Count; i++)
        {
            var path = MapDocumentReader.Index("fields", i);
            var obj = reader.AsObject(array[i], path);
            var field = obj is null ? null : fieldReader.Read(obj, path);
            if (field is not null)
            {
                fields.Add(field);
            }
        }

        return fields;
    }

    private static void CheckCompanyKeys(MapDocumentReader reader, JsonObject root, FinOpsTable finOps, DataverseTable dataverse, CompanyStriping? company)
    {
        var finOpsKey = (root["finOps"] as JsonObject)?["key"];
        var dataverseKey = (root["dataverse"] as JsonObject)?["key"];
        if (company is null)
        {
            return;
        }

        if (!string.Equals(finOps.KeyFields[0], company.FinOpsField, StringComparison.Ordinal))
        {
            reader.Error(finOpsKey, "finOps.key", "a company-specific map's F&O key starts with the company field '" + company.FinOpsField + "'.");
        }

        if (!Contains(dataverse.KeyFields, company.DataverseField))
        {
            reader.Error(dataverseKey, "dataverse.key", "a company-specific map's Dataverse key includes the company lookup '" + company.DataverseField + "'.");
        }
    }

    /// <summary>The engine builds the target key from mapped values: each key field must be written in every direction the map runs.</summary>
    private static void CheckKeysAreMapped(MapDocumentReader reader, JsonObject root, MapDirection direction, FinOpsTable finOps, DataverseTable dataverse, CompanyStriping? company, List<FieldMap> fields)
    {
        if (direction.Carries(SyncDirection.DataverseToFinOps))
        {
            CheckSideKeys(reader, (root["finOps"] as JsonObject)?["key"], "finOps.key", finOps.KeyFields, company?.FinOpsField, fields, SyncDirection.DataverseToFinOps);
        }

        if (direction.Carries(SyncDirection.FinOpsToDataverse))
        {
            CheckSideKeys(reader, (root["dataverse"] as JsonObject)?["key"], "dataverse.key", dataverse.KeyFields, company?.DataverseField, fields, SyncDirection.FinOpsToDataverse);
        }
    }

    private static void CheckSideKeys(MapDocumentReader reader, JsonNode? at, string path, IReadOnlyList<string> keyFields, string? companyField, List<FieldMap> fields, SyncDirection way)
    {
        foreach (var keyField in keyFields)
        {
            if (string.Equals(keyField, companyField, StringComparison.Ordinal))
            {
                continue;
            }

            var mapped = false;
            foreach (var field in fields)
            {
                mapped |= field.Carries(way) && string.Equals(field.TargetField(way), keyField, StringComparison.Ordinal);
            }

            if (!mapped)
            {
                reader.Error(at, path, "key field '" + keyField + "' is not written by any field mapping travelling " + way + ".");
            }
        }
    }

    private static void CheckTargetsAreUnique(MapDocumentReader reader, JsonObject root, List<FieldMap> fields, CompanyStriping? company)
    {
        foreach (var field in fields)
        {
            if (company is not null
                && (string.Equals(field.FinOpsField, company.FinOpsField, StringComparison.Ordinal) || string.Equals(field.DataverseField, company.DataverseField, StringComparison.Ordinal)))
            {
                reader.Error(root["fields"], "fields", "'" + field + "' maps the company, which the 'company' section already carries.");
            }
        }

        foreach (var way in new[] { SyncDirection.FinOpsToDataverse, SyncDirection.DataverseToFinOps })
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                if (field.Carries(way) && !seen.Add(field.TargetField(way)!))
                {
                    reader.Error(root["fields"], "fields", "'" + field.TargetField(way) + "' is written by two field mappings travelling " + way + ".");
                }
            }
        }
    }

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
