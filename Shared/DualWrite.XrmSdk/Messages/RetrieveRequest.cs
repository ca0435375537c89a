using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Reads one record. Each property is backed by Parameters["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class RetrieveRequest : OrganizationRequest
{
    /// <summary>Creates the request with RequestName "Retrieve".</summary>
    public RetrieveRequest()
    {
        RequestName = "Retrieve";
    }

    /// <summary>The record to read.</summary>
    public EntityReference Target
    {
        get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
        set => Parameters["Target"] = value;
    }

    /// <summary>The columns to return.</summary>
    public ColumnSet ColumnSet
    {
        get => Parameters.Contains("ColumnSet") ? (ColumnSet)Parameters["ColumnSet"] : default;
        set => Parameters["ColumnSet"] = value;
    }
}
