using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Runs a query. Each property is backed by Parameters["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class RetrieveMultipleRequest : OrganizationRequest
{
    /// <summary>Creates the request with RequestName "RetrieveMultiple".</summary>
    public RetrieveMultipleRequest()
    {
        RequestName = "RetrieveMultiple";
    }

    /// <summary>The query to run.</summary>
    public QueryBase Query
    {
        get => Parameters.Contains("Query") ? (QueryBase)Parameters["Query"] : default;
        set => Parameters["Query"] = value;
    }
}
