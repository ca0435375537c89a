using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The per-request outcomes of an ExecuteMultipleRequest.</summary>
[CollectionDataContract(Name = "OrganizationResponseCollection", Namespace = XmlNamespaces.Contracts2012)]
public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
{
    /// <summary>Creates an empty collection.</summary>
    public ExecuteMultipleResponseItemCollection()
    {
    }
}
