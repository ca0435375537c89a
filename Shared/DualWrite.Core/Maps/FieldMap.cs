using System;
using System.Collections.Generic;
using DualWrite.Core.Records;

namespace DualWrite.Core.Maps;

/// <summary>
/// One field mapping: an F&amp;O field and/or a Dataverse column, the way values travel, their types and
/// the transform between them (copy, value map or lookup; then default, constant and string steps).
/// </summary>
public sealed class FieldMap
{
    private static readonly IReadOnlyList<StringTransform> NoTransforms = Array.Empty<StringTransform>();

    public FieldMap(
        string? fnOField,
        string? dataverseField,
        MapDirection direction,
        FieldType fnOType,
        FieldType dataverseType,
        ConflictPolicy? conflictPolicy = null,
        ValueMap? valueMap = null,
        LookupDefinition? lookup = null,
        RecordValue? defaultToFnO = null,
        RecordValue? defaultToDataverse = null,
        RecordValue? constant = null,
        IReadOnlyList<StringTransform>? transforms = null)
    {
        if (string.IsNullOrEmpty(fnOField) && string.IsNullOrEmpty(dataverseField))
        {
            throw new ArgumentException("A field mapping names at least one side.", nameof(fnOField));
        }

        FnOField = string.IsNullOrEmpty(fnOField) ? null : fnOField;
        DataverseField = string.IsNullOrEmpty(dataverseField) ? null : dataverseField;
        Direction = direction;
        FnOType = fnOType;
        DataverseType = dataverseType;
        ConflictPolicy = conflictPolicy;
        ValueMap = valueMap;
        Lookup = lookup;
        DefaultToFnO = defaultToFnO;
        DefaultToDataverse = defaultToDataverse;
        Constant = constant;
        Transforms = transforms ?? NoTransforms;
    }

    /// <summary>The F&amp;O field; null when the field exists only on the Dataverse side.</summary>
    public string? FnOField { get; }

    /// <summary>The Dataverse column; null when the field exists only on the F&amp;O side.</summary>
    public string? DataverseField { get; }

    public MapDirection Direction { get; }

    public FieldType FnOType { get; }

    public FieldType DataverseType { get; }

    /// <summary>This field's own conflict policy; null means the map's.</summary>
    public ConflictPolicy? ConflictPolicy { get; }

    public ValueMap? ValueMap { get; }

    public LookupDefinition? Lookup { get; }

    /// <summary>Written to F&amp;O when the source value is null (on a one-sided field: on create only).</summary>
    public RecordValue? DefaultToFnO { get; }

    /// <summary>Written to Dataverse when the source value is null (on a one-sided field: on create only).</summary>
    public RecordValue? DefaultToDataverse { get; }

    /// <summary>Always written (one-sided fields only).</summary>
    public RecordValue? Constant { get; }

    public IReadOnlyList<StringTransform> Transforms { get; }

    /// <summary>The field's name for messages: the F&amp;O name when there is one, as users of both know it.</summary>
    public string DisplayName => FnOField ?? DataverseField!;

    /// <summary>True when the field has a source value on both sides (not a one-sided constant/default).</summary>
    public bool IsPaired => FnOField is not null && DataverseField is not null;

    /// <summary>The default written to the target side when values travel <paramref name="way"/>.</summary>
    public RecordValue? DefaultFor(SyncDirection way) => way == SyncDirection.FnOToDataverse ? DefaultToDataverse : DefaultToFnO;

    public string? SourceField(SyncDirection way) => way == SyncDirection.FnOToDataverse ? FnOField : DataverseField;

    public string? TargetField(SyncDirection way) => way == SyncDirection.FnOToDataverse ? DataverseField : FnOField;

    public FieldType SourceType(SyncDirection way) => way == SyncDirection.FnOToDataverse ? FnOType : DataverseType;

    public FieldType TargetType(SyncDirection way) => way == SyncDirection.FnOToDataverse ? DataverseType : FnOType;

    /// <summary>True when this field writes to the target side when values travel <paramref name="way"/>.</summary>
    public bool Carries(SyncDirection way) => Direction.Carries(way) && TargetField(way) is not null;

    /// <summary>
    /// Why F&amp;O → Dataverse → F&amp;O (and the reverse) might not give back the value it started from;
    /// empty when the field is invertible. Meaningful for two-way fields; validation reports these.
    /// </summary>
    /// <summary>How <see cref="NonInvertibleReasons"/> words a field default, so validation can recognise it.</summary>
    public const string DefaultReasonPrefix = "a null source value becomes the default ";

    public IReadOnlyList<string> NonInvertibleReasons
    {
        get
        {
            var reasons = new List<string>();
            if (!IsPaired)
            {
                reasons.Add("the field exists on one side only");
            }

            var fieldDefault = DefaultToDataverse ?? DefaultToFnO;
            if (fieldDefault is not null)
            {
                reasons.Add(DefaultReasonPrefix + fieldDefault);
            }

            if (ValueMap is not null)
            {
                if (ValueMap.DefaultToDataverse is not null || ValueMap.DefaultToFnO is not null)
                {
                    reasons.Add("the value map's default stands in for values without an entry");
                }
            }

            foreach (var transform in Transforms)
            {
                if (!transform.IsInvertible)
                {
                    reasons.Add("the " + transform + " transform can change the value");
                }
            }

            return reasons;
        }
    }

    public bool IsInvertible => NonInvertibleReasons.Count == 0;

    public override string ToString() => (FnOField ?? "(none)") + " <-> " + (DataverseField ?? "(none)");
}
