using System;

namespace DualWrite.Core.Filters;

/// <summary>A field (property) of the record, e.g. <c>PartyType</c>, or a path such as <c>msdyn_company/cdm_companycode</c>.</summary>
public sealed class FieldReference : FilterNode
{
    public FieldReference(string name, int position = 0)
        : base(position)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
    }

    public string Name { get; }
}
