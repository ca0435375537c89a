using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Names a relationship for Associate/Disassociate and related-entity collections. Value
/// equality so it can key <see cref="RelatedEntityCollection"/>.</summary>
[DataContract(Name = "Relationship", Namespace = XmlNamespaces.Contracts)]
public sealed class Relationship : IExtensibleDataObject
{
    /// <summary>Creates an unnamed relationship.</summary>
    public Relationship()
    {
    }

    /// <summary>Creates a relationship by schema name.</summary>
    public Relationship(string schemaName)
    {
        SchemaName = schemaName;
    }

    /// <summary>The relationship's schema name.</summary>
    [DataMember]
    public string SchemaName { get; set; }

    /// <summary>For self-referential relationships, the role of the primary record.</summary>
    [DataMember]
    public EntityRole? PrimaryEntityRole { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Equal when schema name (ordinal) and role match.</summary>
    public override bool Equals(object obj)
    {
        return obj is Relationship other
            && string.Equals(SchemaName, other.SchemaName, StringComparison.Ordinal)
            && PrimaryEntityRole == other.PrimaryEntityRole;
    }

    /// <summary>Hashes the schema name.</summary>
    public override int GetHashCode() => SchemaName == null ? 0 : StringComparer.Ordinal.GetHashCode(SchemaName);

    /// <summary>The schema name, for diagnostics.</summary>
    public override string ToString() => SchemaName;
}
