using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The values of a multi-select choice column.</summary>
[CollectionDataContract(Name = "OptionSetValueCollection", Namespace = XmlNamespaces.Contracts)]
public sealed class OptionSetValueCollection : DataCollection<OptionSetValue>
{
    /// <summary>Creates an empty collection.</summary>
    public OptionSetValueCollection()
    {
    }

    /// <summary>Wraps an existing list.</summary>
    public OptionSetValueCollection(IList<OptionSetValue> list)
        : base(list)
    {
    }
}
