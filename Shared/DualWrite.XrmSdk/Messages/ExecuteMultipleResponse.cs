using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The answer to ExecuteMultipleRequest. Each property is a read-only view of Results["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts2012)]
public sealed class ExecuteMultipleResponse : OrganizationResponse
{
    /// <summary>One item per returned response or fault.</summary>
    public ExecuteMultipleResponseItemCollection Responses => Results.Contains("Responses") ? (ExecuteMultipleResponseItemCollection)Results["Responses"] : default;

    /// <summary>Whether any request faulted.</summary>
    public bool IsFaulted => Results.Contains("IsFaulted") ? (bool)Results["IsFaulted"] : default;
}
