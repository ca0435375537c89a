using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Creates many records of one table in one operation. Each property is backed by Parameters["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class CreateMultipleRequest : OrganizationRequest
{
    /// <summary>Creates the request with RequestName "CreateMultiple".</summary>
    public CreateMultipleRequest()
    {
        RequestName = "CreateMultiple";
    }

    /// <summary>The records to create.</summary>
    public EntityCollection Targets
    {
        get => Parameters.Contains("Targets") ? (EntityCollection)Parameters["Targets"] : default;
        set => Parameters["Targets"] = value;
    }
}
