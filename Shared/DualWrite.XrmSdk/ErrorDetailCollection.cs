using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Extra name/value details a service fault carries.</summary>
[CollectionDataContract(Name = "ErrorDetailCollection", Namespace = XmlNamespaces.Contracts)]
public sealed class ErrorDetailCollection : DataCollection<string, object>
{
    /// <summary>Creates an empty collection.</summary>
    public ErrorDetailCollection()
    {
    }
}
