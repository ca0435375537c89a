using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Pre and post images of a plug-in step, keyed by the alias registered on the step.</summary>
[CollectionDataContract(Name = "EntityImageCollection", Namespace = XmlNamespaces.Contracts)]
public sealed class EntityImageCollection : DataCollection<string, Entity>
{
    /// <summary>Creates an empty collection.</summary>
    public EntityImageCollection()
    {
    }
}
