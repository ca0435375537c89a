using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The attribute values of an entity, keyed by logical name.</summary>
[CollectionDataContract(Name = "AttributeCollection", Namespace = XmlNamespaces.Contracts)]
public sealed class AttributeCollection : DataCollection<string, object>
{
    /// <summary>Creates an empty collection.</summary>
    public AttributeCollection()
    {
    }
}
