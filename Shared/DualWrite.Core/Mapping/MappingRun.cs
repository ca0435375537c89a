using System;
using System.Collections.Generic;
using DualWrite.Core.Keys;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;
using DualWrite.Core.Transforms;

namespace DualWrite.Core.Mapping;

/// <summary>The state of one <see cref="MappingEngine.Map"/> call: collects values, errors and lookups, then assembles the result.</summary>
internal sealed class MappingRun
{
    private readonly MappingRequest _request;
    private readonly TableMap _map;
    private readonly SyncDirection _way;
    private readonly bool _toDataverse;
    private readonly List<MappingError> _errors = new();
    private readonly List<LookupToResolve> _lookups = new();
    private readonly HashSet<string> _lookupPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<FieldMap, MappedValue> _mapped = new();
    private readonly HashSet<FieldMap> _absent = new();
    private readonly HashSet<FieldMap> _pending = new();
    private string? _company;
    private Guid? _companyId;
    private string? _sourceKey;

    public MappingRun(MappingRequest request)
    {
        _request = request;
        _map = request.Map;
        _way = request.Direction;
        _toDataverse = _way == SyncDirection.FinOpsToDataverse;
    }

    private bool IsUpdate => _request.Operation == SyncOperation.Update;

    public MappingResult Execute()
    {
        // Described twice: a company problem is reported with the rest of the key ("?/US-001").
        _sourceKey = DescribeSourceKey();
        _company = ResolveCompany();
        _sourceKey = DescribeSourceKey();
        ResolveCompanyId();

        var fields = new List<PayloadField>();
        foreach (var field in _map.Fields)
        {
            if (field.Carries(_way))
            {
                MapField(field, fields);
            }
        }

        var targetKey = BuildTargetKey();
        var payload = new List<PayloadField>(fields.Count + 1);
        if (_request.Operation == SyncOperation.Create && _map.Company is not null && _company is not null)
        {
            payload.Add(CompanyPayloadField(_map.Company, _company));
        }

        payload.AddRange(fields);
        return new MappingResult(_map, _way, _sourceKey, targetKey, payload, _lookups, _errors);
    }

    // ---- company -------------------------------------------------------------------------------

    private string? ResolveCompany()
    {
        var striping = _map.Company;
        if (striping is null)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(_request.Source.Company))
        {
            return _request.Source.Company;
        }

        var field = _toDataverse ? striping.FinOpsField : striping.DataverseField;
        if (_request.Source.TryGetValue(field, out var value))
        {
            if (value.TryGetString(out var code) && code.Length > 0)
            {
                return code;
            }

            if (value.TryGetLookup(out var lookup))
            {
                if (lookup.KeyValue is not null)
                {
                    return lookup.KeyValue;
                }

                var path = ODataKeyFormatter.EntityPath(striping.EntitySet, ODataKey.Unnamed(lookup.Id!.Value));
                if (_request.Resolved.TryGetKeyValue(path, out var resolved))
                {
                    return resolved;
                }

                RequestLookup(new LookupToResolve(LookupResolutionKind.ReadKeyValue, field, striping.EntitySet, striping.LogicalName, path, striping.CodeField, lookup.Id));
                return null;
            }
        }

        AddError(field, null, "has no company, and the map is company-specific");
        return null;
    }

    /// <summary>Dataverse addresses a company inside a key by id (<c>_msdyn_company_value=&lt;guid&gt;</c>): find it once per company.</summary>
    private void ResolveCompanyId()
    {
        if (!_toDataverse || _map.Company is null || _company is null)
        {
            return;
        }

        var path = CompanyPath(_map.Company, _company);
        if (_request.Resolved.TryGetId(path, out var id))
        {
            _companyId = id;
            return;
        }

        RequestLookup(new LookupToResolve(LookupResolutionKind.FindId, _map.Company.DataverseField, _map.Company.EntitySet, _map.Company.LogicalName, path, _map.Company.CodeField, null, CompanyKey(_map.Company, _company)));
    }

    private static ODataKey CompanyKey(CompanyStriping striping, string company) =>
        ODataKey.Named(striping.CodeField, CompanyStriping.ToDataverseCode(company));

    private static string CompanyPath(CompanyStriping striping, string company) =>
        ODataKeyFormatter.EntityPath(striping.EntitySet, CompanyKey(striping, company));

    /// <summary>The record's own company, written on create: F&amp;O's dataAreaId, or Dataverse's bind to cdm_companies by code.</summary>
    private PayloadField CompanyPayloadField(CompanyStriping striping, string company)
    {
        if (!_toDataverse)
        {
            return new PayloadField(striping.FinOpsField, RecordValue.FromString(CompanyStriping.ToFinOpsCode(company)), FieldType.String, null, isBind: false);
        }

        var bind = RecordValue.FromString("/" + CompanyPath(striping, company));
        var reference = new LookupValue(striping.LogicalName, _companyId, CompanyStriping.ToDataverseCode(company));
        return new PayloadField(striping.DataverseField + PayloadField.BindSuffix, bind, FieldType.Lookup, null, isBind: true, reference);
    }

    // ---- fields --------------------------------------------------------------------------------

    private void MapField(FieldMap field, List<PayloadField> payload)
    {
        var sourceName = field.SourceField(_way);
        var targetName = field.TargetField(_way)!;
        if (sourceName is null)
        {
            MapOneSidedField(field, targetName, payload);
            return;
        }

        var carried = _request.Source.TryGetValue(sourceName, out var value);
        if (carried && _request.EmptyNotNullableIsUnfilled && IsEmptyWhereNotNullable(targetName, value))
        {
            // A stored record's empty value nobody filled in: handled as the plug-in handles a form that left
            // the column out, so the target never receives an empty value it refuses.
            carried = false;
        }

        if (!carried)
        {
            if (IsUpdate || field.DefaultFor(_way) is null)
            {
                // On update a partial record (a plug-in's changed columns): the field was not touched. On
                // create a field nobody filled in: left out, so the target applies its own default.
                _absent.Add(field);
                return;
            }

            // A create without the field: the map's default fills it.
            value = RecordValue.Null;
        }

        var mapped = field.Lookup is not null
            ? (_toDataverse ? LookupToDataverse(field, field.Lookup, value) : LookupToFinOps(field, field.Lookup, value))
            : field.ValueMap is not null ? MapThroughValueMap(field, field.ValueMap, value) : Copy(field, value);
        if (mapped is null)
        {
            // An error or a pending lookup, both already recorded.
            return;
        }

        _mapped[field] = mapped;
        if (IsUpdate && (!SourceChanged(sourceName, value) || IsTargetKeyField(targetName)))
        {
            return;
        }

        if (IsEmptyWhereNotNullable(targetName, mapped.Value))
        {
            AddError(field, null, "is empty, and " + TargetSideName + "'s " + TargetEntitySet + "." + targetName
                + " does not accept an empty value: fill it in, or give the map's field a default");
            return;
        }

        if (!TargetAlreadyHolds(field, targetName, mapped))
        {
            payload.Add(ToPayloadField(field, targetName, mapped));
        }
    }

    private string TargetSideName => _toDataverse ? "Dataverse" : "F&O";

    private string TargetEntitySet => _toDataverse ? _map.Dataverse.EntitySet : _map.FinOps.EntitySet;

    /// <summary>
    /// An explicit empty value for a target field that does not accept null. F&amp;O strings are never
    /// null (empty means none), so an empty string counts as empty too. Key fields are left to the key's own check.
    /// </summary>
    private bool IsEmptyWhereNotNullable(string targetName, RecordValue value)
    {
        if (IsTargetKeyField(targetName) || !Contains(_request.NotNullableTargetFields, targetName))
        {
            return false;
        }

        return value.IsNull || (value.TryGetString(out var text) && text.Length == 0);
    }

    private static bool Contains(IReadOnlyCollection<string> names, string name)
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

    private void MapOneSidedField(FieldMap field, string targetName, List<PayloadField> payload)
    {
        // A constant is written every time (yet never "changes"); a one-sided default only on create,
        // so it never overwrites a value someone set on the target since.
        var value = field.Constant ?? (IsUpdate ? null : field.DefaultFor(_way));
        if (value is null || (field.Constant is not null && IsUpdate && _request.PreviousSource is not null))
        {
            return;
        }

        var mapped = new MappedValue(value);
        _mapped[field] = mapped;
        if (!TargetAlreadyHolds(field, targetName, mapped))
        {
            payload.Add(ToPayloadField(field, targetName, mapped));
        }
    }

    private MappedValue? Copy(FieldMap field, RecordValue value)
    {
        var converted = TypeConversion.Convert(value, field.SourceType(_way), field.TargetType(_way));
        if (!converted.Succeeded)
        {
            AddError(field, value, converted.Error!);
            return null;
        }

        var transformed = StringTransformer.Apply(field.Transforms, converted.Value!, _way);
        if (!transformed.Succeeded)
        {
            AddError(field, value, transformed.Error!);
            return null;
        }

        return new MappedValue(Finish(field, transformed.Value!));
    }

    private MappedValue? MapThroughValueMap(FieldMap field, ValueMap valueMap, RecordValue value)
    {
        var sourceType = field.SourceType(_way);
        if (!TypeConversion.Fits(value, sourceType))
        {
            AddError(field, value, "holds " + TypeConversion.KindName(value.Kind) + " where the map declares " + TypeConversion.TypeName(sourceType));
            return null;
        }

        var result = ValueMapTransform.Apply(valueMap, value, _way);
        if (!result.Succeeded)
        {
            AddError(field, value, result.Error!);
            return null;
        }

        return new MappedValue(result.Value!.IsNull ? field.DefaultFor(_way) ?? RecordValue.Null : result.Value!);
    }

    private MappedValue? LookupToDataverse(FieldMap field, LookupDefinition lookup, RecordValue value)
    {
        if (!TypeConversion.Fits(value, FieldType.String) || value.Kind == RecordValueKind.Integer)
        {
            AddError(field, value, "holds " + TypeConversion.KindName(value.Kind) + " where the map declares a code (string)");
            return null;
        }

        var transformed = StringTransformer.Apply(field.Transforms, value, _way);
        if (!transformed.Succeeded)
        {
            AddError(field, value, transformed.Error!);
            return null;
        }

        if (!transformed.Value!.TryGetString(out var code) || code.Length == 0)
        {
            // No code: clear the lookup (F&O's empty string is Dataverse's null). The Web API
            // disassociates a single-valued navigation property set to null with @odata.bind.
            return new MappedValue(RecordValue.Null, null, null, null);
        }

        var parts = new List<KeyValuePair<string, object>> { new(lookup.KeyField, code) };
        if (lookup.CompanySpecific)
        {
            if (_companyId is not Guid companyId)
            {
                // Waiting for the company's id (already requested), or the company is missing (already an error).
                _pending.Add(field);
                return null;
            }

            parts.Add(new KeyValuePair<string, object>(LookupKeyProperty(_map.Company!.DataverseField), companyId));
        }

        var key = ODataKey.Named(parts);
        var path = ODataKeyFormatter.EntityPath(lookup.EntitySet, key);
        Guid? id = _request.Resolved.TryGetId(path, out var found) ? found : null;
        if (DataverseKeyBuilder.HasCharactersRejectedInAlternateKeys(key))
        {
            // Dataverse refuses this code in a key URL even escaped: bind by id, found with a query.
            if (id is null)
            {
                RequestLookup(new LookupToResolve(LookupResolutionKind.FindId, field.DisplayName, lookup.EntitySet, lookup.LogicalName, path, lookup.KeyField, null, key));
                _pending.Add(field);
                return null;
            }

            path = ODataKeyFormatter.EntityPath(lookup.EntitySet, ODataKey.Unnamed(id.Value));
        }

        return new MappedValue(RecordValue.FromString(code), path, id, key);
    }

    private MappedValue? LookupToFinOps(FieldMap field, LookupDefinition lookup, RecordValue value)
    {
        if (value.IsNull)
        {
            return new MappedValue(Finish(field, RecordValue.Null));
        }

        if (!value.TryGetLookup(out var reference))
        {
            AddError(field, value, "holds " + TypeConversion.KindName(value.Kind) + " where the map declares a lookup to " + lookup.LogicalName);
            return null;
        }

        if (!string.Equals(reference.LogicalName, lookup.LogicalName, StringComparison.Ordinal))
        {
            AddError(field, value, "refers to a " + reference.LogicalName + " record where the map expects " + lookup.LogicalName);
            return null;
        }

        var code = reference.KeyValue;
        if (code is null)
        {
            var path = ODataKeyFormatter.EntityPath(lookup.EntitySet, ODataKey.Unnamed(reference.Id!.Value));
            if (!_request.Resolved.TryGetKeyValue(path, out var resolved))
            {
                RequestLookup(new LookupToResolve(LookupResolutionKind.ReadKeyValue, field.DisplayName, lookup.EntitySet, lookup.LogicalName, path, lookup.KeyField, reference.Id));
                _pending.Add(field);
                return null;
            }

            code = resolved;
        }

        var transformed = StringTransformer.Apply(field.Transforms, RecordValue.FromString(code), _way);
        if (!transformed.Succeeded)
        {
            AddError(field, RecordValue.FromString(code), transformed.Error!);
            return null;
        }

        return new MappedValue(Finish(field, transformed.Value!));
    }

    /// <summary>
    /// Defaults and F&amp;O's empty strings: F&amp;O strings are never null (empty means none) and
    /// Dataverse stores an empty string as null, so "" ↔ null keeps the round trip exact.
    /// </summary>
    private RecordValue Finish(FieldMap field, RecordValue value)
    {
        var targetType = field.TargetType(_way);
        var isText = targetType == FieldType.String || field.Lookup is not null;
        if (isText && value.TryGetString(out var text) && text.Length == 0)
        {
            value = RecordValue.Null;
        }

        if (value.IsNull)
        {
            value = field.DefaultFor(_way) ?? RecordValue.Null;
        }

        return isText && !_toDataverse && value.IsNull ? RecordValue.FromString(string.Empty) : value;
    }

    // ---- change detection ----------------------------------------------------------------------

    private bool SourceChanged(string sourceName, RecordValue value) =>
        _request.PreviousSource is null
        || !_request.PreviousSource.TryGetValue(sourceName, out var previous)
        || !ValueMapTransform.Matches(previous, value);

    private bool TargetAlreadyHolds(FieldMap field, string targetName, MappedValue mapped)
    {
        if (_request.CurrentTarget is null || !_request.CurrentTarget.TryGetValue(targetName, out var current))
        {
            return false;
        }

        if (!mapped.IsReference)
        {
            return ValueMapTransform.Matches(current, mapped.Value);
        }

        if (mapped.Value.IsNull || current.IsNull)
        {
            return mapped.Value.IsNull && current.IsNull;
        }

        return current.TryGetLookup(out var reference)
            && string.Equals(reference.LogicalName, field.Lookup!.LogicalName, StringComparison.Ordinal)
            && (reference.KeyValue is not null
                ? mapped.Value.Equals(RecordValue.FromString(reference.KeyValue))
                : mapped.ReferenceId is not null && reference.Id == mapped.ReferenceId);
    }

    private bool IsTargetKeyField(string targetName)
    {
        foreach (var keyField in _toDataverse ? _map.Dataverse.KeyFields : _map.FinOps.KeyFields)
        {
            if (string.Equals(keyField, targetName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private PayloadField ToPayloadField(FieldMap field, string targetName, MappedValue mapped)
    {
        if (!mapped.IsReference)
        {
            return new PayloadField(targetName, mapped.Value, field.TargetType(_way), field, isBind: false);
        }

        var bind = mapped.ReferencePath is null ? RecordValue.Null : RecordValue.FromString("/" + mapped.ReferencePath);
        var reference = mapped.Value.TryGetString(out var code) ? new LookupValue(field.Lookup!.LogicalName, mapped.ReferenceId, code) : null;
        return new PayloadField(field.Lookup!.NavigationProperty + PayloadField.BindSuffix, bind, FieldType.Lookup, field, isBind: true, reference);
    }

    // ---- keys ----------------------------------------------------------------------------------

    private string DescribeSourceKey()
    {
        var striping = _map.Company;
        var parts = new List<string>();
        var companyField = striping is null ? null : _toDataverse ? striping.FinOpsField : striping.DataverseField;
        foreach (var keyField in _toDataverse ? _map.FinOps.KeyFields : _map.Dataverse.KeyFields)
        {
            if (string.Equals(keyField, companyField, StringComparison.Ordinal))
            {
                parts.Add(_company is null ? "?" : _toDataverse ? CompanyStriping.ToFinOpsCode(_company) : CompanyStriping.ToDataverseCode(_company));
            }
            else if (_request.Source.TryGetValue(keyField, out var value) && !value.IsNull)
            {
                parts.Add(value.TryGetLookup(out var lookup) ? lookup.KeyValue ?? lookup.Id!.Value.ToString("D") : value.ToString());
            }
            else
            {
                parts.Add("?");
            }
        }

        return string.Join("/", parts);
    }

    private TargetKey? BuildTargetKey()
    {
        var striping = _map.Company;
        var entitySet = _toDataverse ? _map.Dataverse.EntitySet : _map.FinOps.EntitySet;
        var values = new List<KeyValuePair<string, RecordValue>>();
        var parts = new List<KeyValuePair<string, object>>();
        var failed = false;
        var addressable = true;
        foreach (var keyField in _toDataverse ? _map.Dataverse.KeyFields : _map.FinOps.KeyFields)
        {
            if (striping is not null && string.Equals(keyField, _toDataverse ? striping.DataverseField : striping.FinOpsField, StringComparison.Ordinal))
            {
                if (_company is null)
                {
                    failed = true;
                    continue;
                }

                var code = _toDataverse ? CompanyStriping.ToDataverseCode(_company) : CompanyStriping.ToFinOpsCode(_company);
                values.Add(new KeyValuePair<string, RecordValue>(keyField, RecordValue.FromString(code)));
                if (!_toDataverse)
                {
                    parts.Add(new KeyValuePair<string, object>(keyField, code));
                }
                else if (_companyId is Guid companyId)
                {
                    parts.Add(new KeyValuePair<string, object>(LookupKeyProperty(keyField), companyId));
                }
                else
                {
                    addressable = false;
                }

                continue;
            }

            var field = FindKeyFieldMapping(keyField);
            if (field is null)
            {
                AddError(keyField, null, "is part of the key, and no field mapping writes it");
                failed = true;
                continue;
            }

            if (!_mapped.TryGetValue(field, out var mapped))
            {
                if (_pending.Contains(field))
                {
                    addressable = false;
                }
                else
                {
                    if (_absent.Contains(field))
                    {
                        AddError(field, null, "is part of the key, and the source record does not carry it");
                    }

                    // Otherwise the field's error is already reported.
                    failed = true;
                }

                continue;
            }

            if (mapped.Value.IsNull || (mapped.Value.TryGetString(out var text) && text.Length == 0))
            {
                AddError(field, null, "is part of the key and has no value");
                failed = true;
                continue;
            }

            values.Add(new KeyValuePair<string, RecordValue>(keyField, mapped.Value));
            if (mapped.IsReference)
            {
                if (mapped.ReferenceId is Guid referenceId)
                {
                    parts.Add(new KeyValuePair<string, object>(LookupKeyProperty(field.Lookup!.NavigationProperty), referenceId));
                }
                else
                {
                    RequestLookup(new LookupToResolve(LookupResolutionKind.FindId, field.DisplayName, field.Lookup!.EntitySet, field.Lookup.LogicalName, mapped.ReferencePath!, field.Lookup.KeyField, null, mapped.ReferenceKey));
                    addressable = false;
                }

                continue;
            }

            var literal = ToKeyLiteral(field, mapped.Value);
            if (literal is null)
            {
                failed = true;
                continue;
            }

            parts.Add(new KeyValuePair<string, object>(keyField, literal));
        }

        if (failed)
        {
            return null;
        }

        if (!addressable)
        {
            return new TargetKey(entitySet, values, null);
        }

        var key = ODataKey.Named(parts);
        return new TargetKey(entitySet, values, key, !_toDataverse || !DataverseKeyBuilder.HasCharactersRejectedInAlternateKeys(key));
    }

    private FieldMap? FindKeyFieldMapping(string keyField)
    {
        foreach (var field in _map.Fields)
        {
            if (field.Carries(_way) && string.Equals(field.TargetField(_way), keyField, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }

    private object? ToKeyLiteral(FieldMap field, RecordValue value)
    {
        var type = field.TargetType(_way);
        if (type == FieldType.Enum)
        {
            // An F&O enum literal needs its enum type name, which a map does not carry.
            AddError(field, value, "is part of the key, and enum key fields are not supported");
            return null;
        }

        if (type == FieldType.Date && _toDataverse && value.TryGetDateTime(out var date))
        {
            return ODataDate.FromDateTime(date);
        }

        return value.Value;
    }

    /// <summary>A lookup inside a Dataverse alternate key is named by its lookup property: <c>_&lt;navigation&gt;_value</c>.</summary>
    private static string LookupKeyProperty(string navigationProperty) => "_" + navigationProperty + "_value";

    // ---- errors and lookups --------------------------------------------------------------------

    private void AddError(FieldMap field, RecordValue? value, string message) =>
        AddError(field.SourceField(_way) ?? field.DisplayName, value, message);

    private void AddError(string field, RecordValue? value, string message) =>
        _errors.Add(new MappingError(_map.Name, field, string.IsNullOrEmpty(_sourceKey) ? null : _sourceKey, value is null || value.IsNull ? null : value.ToString(), message));

    private void RequestLookup(LookupToResolve lookup)
    {
        if (_lookupPaths.Add(lookup.Path))
        {
            _lookups.Add(lookup);
        }
    }
}
