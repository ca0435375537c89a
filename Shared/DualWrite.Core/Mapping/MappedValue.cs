using System;
using DualWrite.Core.Keys;
using DualWrite.Core.Records;

namespace DualWrite.Core.Mapping;

/// <summary>
/// One field's value on the target side, kept apart from the payload because key parts need it even
/// when the payload leaves the field out. A Dataverse lookup also keeps the referenced record's path.
/// </summary>
internal sealed class MappedValue
{
    public MappedValue(RecordValue value)
    {
        Value = value;
    }

    public MappedValue(RecordValue code, string? referencePath, Guid? referenceId, ODataKey? referenceKey)
    {
        ReferenceKey = referenceKey;
        Value = code;
        IsReference = true;
        ReferencePath = referencePath;
        ReferenceId = referenceId;
    }

    /// <summary>The target value; for a Dataverse lookup, the referenced record's code (or null to clear).</summary>
    public RecordValue Value { get; }

    /// <summary>True for a Dataverse lookup written as <c>@odata.bind</c>.</summary>
    public bool IsReference { get; }

    /// <summary>The referenced record's entity path (<c>msdyn_customergroups(msdyn_groupid='10')</c>); null when clearing.</summary>
    public string? ReferencePath { get; }

    /// <summary>The referenced record's alternate key (code, and company when company-specific).</summary>
    public ODataKey? ReferenceKey { get; }

    /// <summary>The referenced record's id, when a caller resolved it.</summary>
    public Guid? ReferenceId { get; }
}
