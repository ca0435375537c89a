using System;
using DualWrite.Core.Maps;
using DualWrite.Core.Records;

namespace DualWrite.Core.Mapping;

/// <summary>
/// One property of the target payload: a value (<c>name</c> = "Contoso") or, for a Dataverse lookup,
/// a bind (<c>msdyn_customergroupid@odata.bind</c> = "/msdyn_customergroups(msdyn_groupid='10')",
/// or null to clear the lookup).
/// </summary>
public sealed class PayloadField
{
    public const string BindSuffix = "@odata.bind";

    public PayloadField(string name, RecordValue value, FieldType type, FieldMap? field, bool isBind, LookupValue? reference = null)
    {
        Reference = reference;
        Name = string.IsNullOrEmpty(name) ? throw new ArgumentException("Required.", nameof(name)) : name;
        Value = value ?? throw new ArgumentNullException(nameof(value));
        Type = type;
        Field = field;
        IsBind = isBind;
    }

    /// <summary>The JSON property name: the target field, or <c>&lt;navigation&gt;@odata.bind</c>.</summary>
    public string Name { get; }

    /// <summary>The target value; for a bind, the relative entity path (string) or null.</summary>
    public RecordValue Value { get; }

    /// <summary>The target side's declared type (how to write the value: a <c>date</c> as <c>yyyy-MM-dd</c>, say).</summary>
    public FieldType Type { get; }

    /// <summary>The field mapping that produced it; null for the company.</summary>
    public FieldMap? Field { get; }

    public bool IsBind { get; }

    /// <summary>For a bind: the referenced record as a lookup value (table, code, id when resolved); null when clearing.</summary>
    public LookupValue? Reference { get; }

    public override string ToString() => Name + " = " + Value;
}
