using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>References to records, e.g. the targets of Associate. Sealed: confirmed on learn.microsoft.com (public sealed class EntityReferenceCollection : DataCollection<EntityReference>); the reference sheet's 'public class' was wrong.</summary>
[CollectionDataContract(Name = "EntityReferenceCollection", Namespace = XmlNamespaces.Contracts)]
public sealed class EntityReferenceCollection : DataCollection<EntityReference>
{
    /// <summary>Creates an empty collection.</summary>
    public EntityReferenceCollection()
    {
    }

    /// <summary>Wraps an existing list.</summary>
    public EntityReferenceCollection(IList<EntityReference> list)
        : base(list)
    {
    }
}
