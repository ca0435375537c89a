using System;
using System.Collections.Generic;
using System.Linq;

namespace DualWrite.Emulators.FinOps.Schema;

/// <summary>An entity set with its type's fields in row order and its key.</summary>
public sealed class EntitySetSchema
{
    private readonly Dictionary<string, FieldSchema> _byName;

    internal EntitySetSchema(string name, string entityTypeName, IReadOnlyList<FieldSchema> fields)
    {
        Name = name;
        EntityTypeName = entityTypeName;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        KeyFields = fields.Where(f => f.IsKey).ToArray();
        Company = _byName.TryGetValue(CompanyFieldName, out var company) && company.IsKey ? company : null;
    }

    /// <summary>The field F&amp;O scopes company-specific entities by.</summary>
    public const string CompanyFieldName = "dataAreaId";

    /// <summary>Public collection name, e.g. CustomersV3 (case-sensitive).</summary>
    public string Name { get; }

    /// <summary>Qualified type name, e.g. Microsoft.Dynamics.DataEntities.CustomerV3.</summary>
    public string EntityTypeName { get; }

    public IReadOnlyList<FieldSchema> Fields { get; }

    /// <summary>Key fields in CSDL order (dataAreaId first for company-specific entities).</summary>
    public IReadOnlyList<FieldSchema> KeyFields { get; }

    /// <summary>The dataAreaId key field, or null for shared entities (LegalEntities, Currencies).</summary>
    public FieldSchema? Company { get; }

    public bool IsCompanySpecific => Company is not null;

    /// <summary>Case-sensitive, as OData property names are.</summary>
    public FieldSchema? FindField(string name) => _byName.TryGetValue(name, out var field) ? field : null;

    public FieldSchema GetField(string name) =>
        FindField(name) ?? throw new ArgumentException("The entity set " + Name + " has no field '" + name + "'.", nameof(name));

    public override string ToString() => Name;
}
