using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The responses of an ExecuteTransactionRequest, in the order of its requests.</summary>
[CollectionDataContract(Name = "OrganizationResponseCollection", Namespace = XmlNamespaces.Contracts71)]
public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
{
    /// <summary>Creates an empty collection.</summary>
    public OrganizationResponseCollection()
    {
    }
}
