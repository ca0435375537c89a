using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Which side of a self-referential relationship a record plays; needed by
/// <see cref="Relationship.PrimaryEntityRole"/>.</summary>
[DataContract(Name = "EntityRole", Namespace = XmlNamespaces.Contracts)]
public enum EntityRole
{
    [EnumMember]
    Referencing = 0,

    [EnumMember]
    Referenced = 1,
}
