using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The answer to ExecuteTransactionRequest. Each property is a read-only view of Results["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class ExecuteTransactionResponse : OrganizationResponse
{
    /// <summary>One response per request, in order, when ReturnResponses was true.</summary>
    public OrganizationResponseCollection Responses => Results.Contains("Responses") ? (OrganizationResponseCollection)Results["Responses"] : default;
}
