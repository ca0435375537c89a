using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Related records attached to an entity, keyed by relationship (deep create/retrieve).</summary>
[CollectionDataContract(Name = "RelatedEntityCollection", Namespace = XmlNamespaces.Contracts)]
public sealed class RelatedEntityCollection : DataCollection<Relationship, EntityCollection>
{
    /// <summary>Creates an empty collection.</summary>
    public RelatedEntityCollection()
    {
    }
}
