using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Updates many records of one table in one operation. Each property is backed by Parameters["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class UpdateMultipleRequest : OrganizationRequest
{
    /// <summary>Creates the request with RequestName "UpdateMultiple".</summary>
    public UpdateMultipleRequest()
    {
        RequestName = "UpdateMultiple";
    }

    /// <summary>The records to update.</summary>
    public EntityCollection Targets
    {
        get => Parameters.Contains("Targets") ? (EntityCollection)Parameters["Targets"] : default;
        set => Parameters["Targets"] = value;
    }

    /// <summary>Whether row versions must match.</summary>
    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get => Parameters.Contains("ConcurrencyBehavior") ? (ConcurrencyBehavior)Parameters["ConcurrencyBehavior"] : default;
        set => Parameters["ConcurrencyBehavior"] = value;
    }
}
