using System.Collections.Generic;
using DualWrite.Core.Json;
using DualWrite.Core.Records;
using DualWrite.Core.Transforms;

namespace DualWrite.Core.Maps.Loading;

/// <summary>Reads and checks one entry of a map file's <c>fields</c> array.</summary>
internal sealed class FieldMapReader
{
    private static readonly string[] FieldProperties =
    {
        "finOps", "dataverse", "direction", "type", "finOpsType", "dataverseType", "conflictPolicy",
        "valueMap", "lookup", "default", "constant", "transforms",
    };

    private static readonly SyncDirection[] BothWays = { SyncDirection.FinOpsToDataverse, SyncDirection.DataverseToFinOps };

    private readonly MapDocumentReader _reader;
    private readonly MapDirection _mapDirection;
    private readonly CompanyStriping? _company;

    public FieldMapReader(MapDocumentReader reader, MapDirection mapDirection, CompanyStriping? company)
    {
        _reader = reader;
        _mapDirection = mapDirection;
        _company = company;
    }

    public FieldMap? Read(JsonObject obj, string path)
    {
        var errorsBefore = _reader.ErrorCount;
        _reader.RejectUnknownProperties(obj, path, FieldProperties);

        var finOps = _reader.ReadString(obj, "finOps", path, required: false);
        var dataverse = _reader.ReadString(obj, "dataverse", path, required: false);
        if (finOps is null && dataverse is null)
        {
            _reader.Error(obj, path, "a field mapping names 'finOps', 'dataverse' or both.");
            return null;
        }

        var direction = ReadDirection(obj, path, finOps, dataverse);
        var policy = _reader.ReadEnum<ConflictPolicy>(obj, "conflictPolicy", path, required: false, "a conflict policy");
        var lookup = ReadLookup(obj, path, finOps, dataverse);
        ReadTypes(obj, path, lookup is not null, out var finOpsType, out var dataverseType);

        var valueMapNode = _reader.ReadObject(obj, "valueMap", path, required: false);
        ValueMap? valueMap = null;
        if (valueMapNode is not null)
        {
            if (lookup is not null)
            {
                _reader.Error(valueMapNode, MapDocumentReader.Join(path, "valueMap"), "a field takes a value map or a lookup, not both.");
            }
            else if (finOps is null || dataverse is null)
            {
                _reader.Error(valueMapNode, MapDocumentReader.Join(path, "valueMap"), "a value map needs both 'finOps' and 'dataverse'.");
            }
            else
            {
                valueMap = ReadValueMap(valueMapNode, MapDocumentReader.Join(path, "valueMap"), direction, finOpsType, dataverseType);
            }
        }

        if (finOps is not null && dataverse is not null && valueMapNode is null && lookup is null && !TypeConversion.CanCopy(finOpsType, dataverseType))
        {
            _reader.Error(obj, path, "cannot copy between " + TypeConversion.TypeName(finOpsType) + " and "
                + TypeConversion.TypeName(dataverseType) + "; declare a value map or matching types.");
        }

        // One literal serves every way the field travels, read as each target side's type.
        var defaultToFinOps = ReadDefault(obj, path, direction, SyncDirection.DataverseToFinOps, finOpsType);
        var defaultToDataverse = ReadDefault(obj, path, direction, SyncDirection.FinOpsToDataverse, dataverseType);
        var constant = ReadConstant(obj, path, finOps, dataverse, direction, finOpsType, dataverseType);
        if ((finOps is null || dataverse is null) && constant is null && defaultToFinOps is null && defaultToDataverse is null)
        {
            _reader.Error(obj, path, "a field on one side only needs a 'default' or a 'constant' (there is no source value).");
        }

        var transforms = ReadTransforms(obj, path, direction, finOpsType, dataverseType, valueMapNode is not null, lookup is not null);

        if (_reader.ErrorCount > errorsBefore)
        {
            return null;
        }

        return new FieldMap(finOps, dataverse, direction, finOpsType, dataverseType, policy, valueMap, lookup, defaultToFinOps, defaultToDataverse, constant, transforms);
    }

    private MapDirection ReadDirection(JsonObject obj, string path, string? finOps, string? dataverse)
    {
        var oneSidedDirection = finOps is null ? MapDirection.FinOpsToDataverse : MapDirection.DataverseToFinOps;
        var explicitDirection = _reader.ReadEnum<MapDirection>(obj, "direction", path, required: false, "a direction");
        var direction = explicitDirection ?? (finOps is not null && dataverse is not null ? _mapDirection : oneSidedDirection);
        var at = obj["direction"] ?? obj;
        if (!_mapDirection.Contains(direction))
        {
            _reader.Error(at, MapDocumentReader.Join(path, "direction"), "the field's direction " + direction + " does not fit the map's direction " + _mapDirection + ".");
        }
        else if ((finOps is null || dataverse is null) && direction != oneSidedDirection)
        {
            _reader.Error(at, MapDocumentReader.Join(path, "direction"), "a field on the " + (finOps is null ? "Dataverse" : "F&O")
                + " side only can only be written to that side (" + oneSidedDirection + ").");
        }

        return direction;
    }

    private void ReadTypes(JsonObject obj, string path, bool isLookup, out FieldType finOpsType, out FieldType dataverseType)
    {
        var both = ReadType(obj, "type", path) ?? FieldType.String;
        finOpsType = ReadType(obj, "finOpsType", path) ?? both;
        dataverseType = ReadType(obj, "dataverseType", path) ?? both;

        if (finOpsType is FieldType.Money or FieldType.Choice)
        {
            _reader.Error(obj, path, "type " + TypeConversion.TypeName(finOpsType) + " exists on the Dataverse side only.");
        }

        if (dataverseType == FieldType.Enum)
        {
            _reader.Error(obj, path, "type enum exists on the F&O side only (Dataverse has choices).");
        }

        if (isLookup)
        {
            if (finOpsType != FieldType.String)
            {
                _reader.Error(obj, path, "a lookup pairs an F&O code (string) with a Dataverse lookup; the F&O type must be string.");
            }

            if (obj.ContainsKey("dataverseType") || obj.ContainsKey("type"))
            {
                _reader.Error(obj, path, "a lookup column's type is implied by 'lookup'; remove 'type'/'dataverseType'.");
            }

            dataverseType = FieldType.Lookup;
        }
    }

    private FieldType? ReadType(JsonObject obj, string name, string path)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonString text && FieldTypeNames.TryParse(text.Value, out var type))
        {
            return type;
        }

        _reader.Error(node, MapDocumentReader.Join(path, name), MapDocumentReader.Describe(node) + " is not a type; expected " + FieldTypeNames.Expected + ".");
        return null;
    }

    private LookupDefinition? ReadLookup(JsonObject obj, string path, string? finOps, string? dataverse)
    {
        var lookupPath = MapDocumentReader.Join(path, "lookup");
        var node = _reader.ReadObject(obj, "lookup", path, required: false);
        if (node is null)
        {
            return null;
        }

        _reader.RejectUnknownProperties(node, lookupPath, "entitySet", "logicalName", "keyField", "companySpecific", "navigationProperty");
        var entitySet = _reader.ReadString(node, "entitySet", lookupPath, required: true);
        var logicalName = _reader.ReadString(node, "logicalName", lookupPath, required: true);
        var keyField = _reader.ReadString(node, "keyField", lookupPath, required: true);
        var companySpecific = _reader.ReadBoolean(node, "companySpecific", lookupPath, required: true);
        var navigation = _reader.ReadString(node, "navigationProperty", lookupPath, required: false) ?? dataverse;

        if (finOps is null || dataverse is null)
        {
            _reader.Error(node, lookupPath, "a lookup pairs an F&O code field ('finOps') with a Dataverse lookup column ('dataverse').");
            return null;
        }

        if (companySpecific == true && _company is null)
        {
            _reader.Error(node, MapDocumentReader.Join(lookupPath, "companySpecific"), "a company-specific lookup needs a company-specific map (a 'company' section).");
        }

        return entitySet is null || logicalName is null || keyField is null || companySpecific is null || navigation is null
            ? null
            : new LookupDefinition(entitySet, logicalName, keyField, companySpecific.Value, navigation);
    }

    private ValueMap? ReadValueMap(JsonObject node, string path, MapDirection direction, FieldType finOpsType, FieldType dataverseType)
    {
        _reader.RejectUnknownProperties(node, path, "entries", "default");
        var entriesPath = MapDocumentReader.Join(path, "entries");
        var array = _reader.ReadArray(node, "entries", path, required: true);
        var entries = new List<ValueMapEntry>();
        if (array is not null && array.Count == 0)
        {
            _reader.Error(array, entriesPath, "a value map needs at least one entry.");
        }

        for (var i = 0; i < (array?.Count ?? 0); i++)
        {
            var entryPath = MapDocumentReader.Index(entriesPath, i);
            var entry = _reader.AsObject(array![i], entryPath);
            if (entry is null)
            {
                continue;
            }

            _reader.RejectUnknownProperties(entry, entryPath, "finOps", "dataverse");
            var finOps = ReadLiteral(entry, "finOps", entryPath, finOpsType, required: true);
            var dataverse = ReadLiteral(entry, "dataverse", entryPath, dataverseType, required: true);
            if (finOps is null || dataverse is null)
            {
                continue;
            }

            var candidate = new ValueMapEntry(finOps, dataverse);
            foreach (var way in BothWays)
            {
                if (!direction.Carries(way))
                {
                    continue;
                }

                foreach (var existing in entries)
                {
                    if (ValueMapTransform.Matches(existing.SourceFor(way), candidate.SourceFor(way)))
                    {
                        var side = way == SyncDirection.FinOpsToDataverse ? "F&O" : "Dataverse";
                        _reader.Error(entry, entryPath, side + " value " + Quote(candidate.SourceFor(way)) + " has two entries; values travelling "
                            + way + " need exactly one.");
                        break;
                    }
                }
            }

            entries.Add(candidate);
        }

        RecordValue? defaultToFinOps = null;
        RecordValue? defaultToDataverse = null;
        var defaults = _reader.ReadObject(node, "default", path, required: false);
        if (defaults is not null)
        {
            var defaultPath = MapDocumentReader.Join(path, "default");
            _reader.RejectUnknownProperties(defaults, defaultPath, "finOps", "dataverse");
            defaultToFinOps = ReadLiteral(defaults, "finOps", defaultPath, finOpsType, required: false);
            defaultToDataverse = ReadLiteral(defaults, "dataverse", defaultPath, dataverseType, required: false);
            if (defaultToFinOps is not null && !direction.Carries(SyncDirection.DataverseToFinOps))
            {
                _reader.Error(defaults["finOps"], MapDocumentReader.Join(defaultPath, "finOps"), "the field is never written to F&O.");
            }

            if (defaultToDataverse is not null && !direction.Carries(SyncDirection.FinOpsToDataverse))
            {
                _reader.Error(defaults["dataverse"], MapDocumentReader.Join(defaultPath, "dataverse"), "the field is never written to Dataverse.");
            }
        }

        return new ValueMap(entries, defaultToFinOps, defaultToDataverse);
    }

    /// <summary>
    /// A literal default applies in every direction the field travels; an object gives it per target side
    /// (<c>{ "finOps": "10" }</c>: F&amp;O needs a value the Dataverse column may leave empty, and nothing is invented
    /// on the way back).
    /// </summary>
    private RecordValue? ReadDefault(JsonObject obj, string path, MapDirection direction, SyncDirection way, FieldType targetType)
    {
        if (!obj.ContainsKey("default"))
        {
            return null;
        }

        if (obj["default"] is not JsonObject sides)
        {
            return direction.Carries(way) ? ReadLiteral(obj, "default", path, targetType, required: true) : null;
        }

        var defaultPath = MapDocumentReader.Join(path, "default");
        var side = way == SyncDirection.DataverseToFinOps ? "finOps" : "dataverse";
        if (way == SyncDirection.DataverseToFinOps)
        {
            // Checked once, for both sides.
            _reader.RejectUnknownProperties(sides, defaultPath, "finOps", "dataverse");
        }

        if (!sides.ContainsKey(side))
        {
            return null;
        }

        if (!direction.Carries(way))
        {
            _reader.Error(sides[side], MapDocumentReader.Join(defaultPath, side), "the field is never written to " + (side == "finOps" ? "F&O." : "Dataverse."));
            return null;
        }

        return ReadLiteral(sides, side, defaultPath, targetType, required: true);
    }

    private RecordValue? ReadConstant(JsonObject obj, string path, string? finOps, string? dataverse, MapDirection direction, FieldType finOpsType, FieldType dataverseType)
    {
        if (!obj.ContainsKey("constant"))
        {
            return null;
        }

        if (finOps is not null && dataverse is not null)
        {
            _reader.Error(obj["constant"], MapDocumentReader.Join(path, "constant"), "a constant belongs to a field on one side only (a paired field has a source value).");
            return null;
        }

        if (obj.ContainsKey("default"))
        {
            _reader.Error(obj["constant"], MapDocumentReader.Join(path, "constant"), "a field takes a default or a constant, not both.");
        }

        return ReadLiteral(obj, "constant", path, direction == MapDirection.DataverseToFinOps ? finOpsType : dataverseType, required: true);
    }

    private List<StringTransform> ReadTransforms(JsonObject obj, string path, MapDirection direction, FieldType finOpsType, FieldType dataverseType, bool hasValueMap, bool isLookup)
    {
        var transforms = new List<StringTransform>();
        var transformsPath = MapDocumentReader.Join(path, "transforms");
        var array = _reader.ReadArray(obj, "transforms", path, required: false);
        if (array is null)
        {
            return transforms;
        }

        if (hasValueMap)
        {
            _reader.Error(array, transformsPath, "string transforms do not apply to a value-mapped field.");
            return transforms;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = MapDocumentReader.Index(transformsPath, i);
            var item = _reader.AsObject(array[i], itemPath);
            if (item is null)
            {
                continue;
            }

            var transform = ReadTransform(item, itemPath, direction);
            if (transform is null)
            {
                continue;
            }

            foreach (var way in BothWays)
            {
                var target = way == SyncDirection.FinOpsToDataverse ? dataverseType : finOpsType;
                if (direction.Carries(way) && transform.AppliesTo(way) && !isLookup && target != FieldType.String)
                {
                    _reader.Error(item, itemPath, "a string transform needs a string target; values travelling " + way + " are "
                        + TypeConversion.TypeName(target) + ".");
                }
            }

            transforms.Add(transform);
        }

        return transforms;
    }

    private StringTransform? ReadTransform(JsonObject item, string path, MapDirection fieldDirection)
    {
        _reader.RejectUnknownProperties(item, path, "kind", "direction", "length", "onOverflow");
        var kindNode = item["kind"];
        StringTransformKind? kind = kindNode switch
        {
            null => null,
            JsonString { Value: "trim" } => StringTransformKind.Trim,
            JsonString { Value: "upper" } => StringTransformKind.Upper,
            JsonString { Value: "lower" } => StringTransformKind.Lower,
            JsonString { Value: "maxLength" } => StringTransformKind.MaxLength,
            _ => null,
        };
        if (kindNode is null)
        {
            _reader.Error(item, path, "missing required property 'kind'.");
        }
        else if (kind is null)
        {
            _reader.Error(kindNode, MapDocumentReader.Join(path, "kind"), MapDocumentReader.Describe(kindNode) + " is not a transform; expected trim, upper, lower, maxLength.");
        }

        var direction = _reader.ReadEnum<MapDirection>(item, "direction", path, required: false, "a direction");
        if (direction is not null && !fieldDirection.Contains(direction.Value))
        {
            _reader.Error(item["direction"], MapDocumentReader.Join(path, "direction"), "the transform's direction " + direction + " does not fit the field's direction " + fieldDirection + ".");
        }

        if (kind == StringTransformKind.MaxLength)
        {
            var length = _reader.ReadPositiveInteger(item, "length", path, required: true);
            var onOverflow = ReadOverflow(item, path);
            return length is null || onOverflow is null ? null : new StringTransform(StringTransformKind.MaxLength, direction, length.Value, onOverflow.Value);
        }

        if (item.ContainsKey("length") || item.ContainsKey("onOverflow"))
        {
            _reader.Error(item, path, "'length' and 'onOverflow' belong to a maxLength transform only.");
        }

        return kind is null ? null : new StringTransform(kind.Value, direction);
    }

    private OverflowBehavior? ReadOverflow(JsonObject item, string path)
    {
        var node = item["onOverflow"];
        switch (node)
        {
            case null:
                _reader.Error(item, path, "missing required property 'onOverflow' (error or truncate): say what happens to a longer value.");
                return null;
            case JsonString { Value: "error" }:
                return OverflowBehavior.Error;
            case JsonString { Value: "truncate" }:
                return OverflowBehavior.Truncate;
            default:
                _reader.Error(node, MapDocumentReader.Join(path, "onOverflow"), MapDocumentReader.Describe(node) + " is not an overflow behaviour; expected error, truncate.");
                return null;
        }
    }

    private RecordValue? ReadLiteral(JsonObject obj, string name, string path, FieldType type, bool required)
    {
        var node = obj[name];
        var literalPath = MapDocumentReader.Join(path, name);
        if (node is null)
        {
            if (required)
            {
                _reader.Error(obj, path, "missing required property '" + name + "'.");
            }

            return null;
        }

        var expected = LiteralReader.TryRead(node, type, out var value);
        if (expected is null)
        {
            return value;
        }

        _reader.Error(node, literalPath, MapDocumentReader.Describe(node) + " is not a valid " + TypeConversion.TypeName(type) + " value; expected " + expected + ".");
        return null;
    }

    private static string Quote(RecordValue value) => value.Kind == RecordValueKind.String ? "'" + value + "'" : value.ToString();
}
