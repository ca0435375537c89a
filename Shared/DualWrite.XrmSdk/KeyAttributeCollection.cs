using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Alternate-key values that identify a record instead of its id.</summary>
[CollectionDataContract(Name = "KeyAttributeCollection", Namespace = XmlNamespaces.Contracts)]
public sealed class KeyAttributeCollection : DataCollection<string, object>
{
    /// <summary>Creates an empty collection.</summary>
    public KeyAttributeCollection()
    {
    }
}
