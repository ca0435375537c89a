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
        string? finOpsField,
        string? dataverseField,
        MapDirection direction,
        FieldType finOpsType,
        FieldType dataverseType,
        ConflictPolicy? conflictPolicy = null,
        ValueMap? valueMap = null,
        LookupDefinition? lookup = null,
        RecordValue? defaultToFinOps = null,
        RecordValue? defaultToDataverse = null,
        RecordValue? constant = null,
        IReadOnlyList<StringTransform>? transforms = null)
    {
        if (string.IsNullOrEmpty(finOpsField) && string.IsNullOrEmpty(dataverseField))
        {
            throw new ArgumentException("A field mapping names at least one side.", nameof(finOpsField));
        }

        FinOpsField = string.IsNullOrEmpty(finOpsField) ? null : finOpsField;
        DataverseField = string.IsNullOrEmpty(dataverseField) ? null : dataverseField;
        Direction = direction;
        FinOpsType = finOpsType;
        DataverseType = dataverseType;
        ConflictPolicy = conflictPolicy;
        ValueMap = valueMap;
        Lookup = lookup;
        DefaultToFinOps = defaultToFinOps;
        DefaultToDataverse = defaultToDataverse;
        Constant = constant;
        Transforms = transforms ?? NoTransforms;
    }

    /// <summary>The F&amp;O field; null when the field exists only on the Dataverse side.</summary>
    public string? FinOpsField { get; }

    /// <summary>The Dataverse column; null when the field exists only on the F&amp;O side.</summary>
    public string? DataverseField { get; }

    public MapDirection Direction { get; }

    public FieldType FinOpsType { get; }

    public FieldType DataverseType { get; }

    /// <summary>This field's own conflict policy; null means the map's.</summary>
    public ConflictPolicy? ConflictPolicy { get; }

    public ValueMap? ValueMap { get; }

    public LookupDefinition? Lookup { get; }

    /// <summary>Written to F&amp;O when the source value is null (on a one-sided field: on create only).</summary>
    public RecordValue? DefaultToFinOps { get; }

    /// <summary>Written to Dataverse when the source value is null (on a one-sided field: on create only).</summary>
    public RecordValue? DefaultToDataverse { get; }

    /// <summary>Always written (one-sided fields only).</summary>
    public RecordValue? Constant { get; }

    public IReadOnlyList<StringTransform> Transforms { get; }

    /// <summary>The field's name for messages: the F&amp;O name when there is one, as users of both know it.</summary>
    public string DisplayName => FinOpsField ?? DataverseField!;

    /// <summary>True when the field has a source value on both sides (not a one-sided constant/default).</summary>
    public bool IsPaired => FinOpsField is not null && DataverseField is not null;

    /// <summary>The default written to the target side when values travel <paramref name="way"/>.</summary>
    public RecordValue? DefaultFor(SyncDirection way) => way == SyncDirection.FinOpsToDataverse ? DefaultToDataverse : DefaultToFinOps;

    public string? SourceField(SyncDirection way) => way == SyncDirection.FinOpsToDataverse ? FinOpsField : DataverseField;

    public string? TargetField(SyncDirection way) => way == SyncDirection.FinOpsToDataverse ? DataverseField : FinOpsField;

    public FieldType SourceType(SyncDirection way) => way == SyncDirection.FinOpsToDataverse ? FinOpsType : DataverseType;

    public FieldType TargetType(SyncDirection way) => way == SyncDirection.FinOpsToDataverse ? DataverseType : FinOpsType;

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

            var fieldDefault = DefaultToDataverse ?? DefaultToFinOps;
            if (fieldDefault is not null)
            {
                reasons.Add(DefaultReasonPrefix + fieldDefault);
            }

            if (ValueMap is not null)
            {
                if (ValueMap.DefaultToDataverse is not null || ValueMap.DefaultToFinOps is not null)
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

    public override string ToString() => (FinOpsField ?? "(none)") + " <-> " + (DataverseField ?? "(none)");
}
