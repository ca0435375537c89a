using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Updates the columns present on Target. Each property is backed by Parameters["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class UpdateRequest : OrganizationRequest
{
    /// <summary>Creates the request with RequestName "Update".</summary>
    public UpdateRequest()
    {
        RequestName = "Update";
    }

    /// <summary>The record and the columns to change.</summary>
    public Entity Target
    {
        get => Parameters.Contains("Target") ? (Entity)Parameters["Target"] : default;
        set => Parameters["Target"] = value;
    }

    /// <summary>Whether the row version must match.</summary>
    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get => Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default;
        set => Parameters["ConcurrencyBehavior"] = value;
    }
}
