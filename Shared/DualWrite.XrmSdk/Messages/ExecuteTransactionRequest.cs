using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Runs its requests in order in one database transaction: all commit or none do. Each property is backed by Parameters["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class ExecuteTransactionRequest : OrganizationRequest
{
    /// <summary>Creates the request with RequestName "ExecuteTransaction".</summary>
    public ExecuteTransactionRequest()
    {
        RequestName = "ExecuteTransaction";
    }

    /// <summary>The requests, run in order.</summary>
    public OrganizationRequestCollection Requests
    {
        get => Parameters.Contains("Requests") ? (OrganizationRequestCollection)Parameters["Requests"] : default;
        set => Parameters["Requests"] = value;
    }

    /// <summary>Whether the response of each request is returned.</summary>
    public bool? ReturnResponses
    {
        get => Parameters.Contains("ReturnResponses") ? (bool?)Parameters["ReturnResponses"] : default;
        set => Parameters["ReturnResponses"] = value;
    }
}
