using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The requests of an ExecuteMultipleRequest, run in order.</summary>
[CollectionDataContract(Name = "OrganizationRequestCollection", Namespace = XmlNamespaces.Contracts2012)]
public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
{
    /// <summary>Creates an empty collection.</summary>
    public OrganizationRequestCollection()
    {
    }
}
