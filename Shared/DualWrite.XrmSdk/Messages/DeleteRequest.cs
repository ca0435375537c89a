using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Deletes a record. Each property is backed by Parameters["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class DeleteRequest : OrganizationRequest
{
    /// <summary>Creates the request with RequestName "Delete".</summary>
    public DeleteRequest()
    {
        RequestName = "Delete";
    }

    /// <summary>The record to delete.</summary>
    public EntityReference Target
    {
        get => Parameters.Contains("Target") ? (EntityReference)Parameters["Target"] : default;
        set => Parameters["Target"] = value;
    }

    /// <summary>Whether the row version must match.</summary>
    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get => Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default;
        set => Parameters["ConcurrencyBehavior"] = value;
    }
}
