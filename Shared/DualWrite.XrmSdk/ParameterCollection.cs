using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Request parameters, response results, shared variables. Not sealed in the real SDK,
/// and its indexer returns object: callers must cast, exactly as they must against the real one.</summary>
[CollectionDataContract(Name = "ParameterCollection", Namespace = XmlNamespaces.Contracts)]
public class ParameterCollection : DataCollection<string, object>
{
    /// <summary>Creates an empty collection.</summary>
    public ParameterCollection()
    {
    }

    /// <summary>Wraps an existing dictionary; protected as in the real SDK.</summary>
    protected ParameterCollection(IDictionary<string, object> dictionary)
        : base(dictionary)
    {
    }
}
