using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Creates or updates many records of one table in one operation. Each property is backed by Parameters["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class UpsertMultipleRequest : OrganizationRequest
{
    /// <summary>Creates the request with RequestName "UpsertMultiple".</summary>
    public UpsertMultipleRequest()
    {
        RequestName = "UpsertMultiple";
    }

    /// <summary>The records to create or update.</summary>
    public EntityCollection Targets
    {
        get => Parameters.Contains("Targets") ? (EntityCollection)Parameters["Targets"] : default;
        set => Parameters["Targets"] = value;
    }
}
