using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Creates a record; the platform answers with a CreateResponse carrying the new id. Each property is backed by Parameters["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class CreateRequest : OrganizationRequest
{
    /// <summary>Creates the request with RequestName "Create".</summary>
    public CreateRequest()
    {
        RequestName = "Create";
    }

    /// <summary>The record to create.</summary>
    public Entity Target
    {
        get => Parameters.Contains("Target") ? (Entity)Parameters["Target"] : default;
        set => Parameters["Target"] = value;
    }
}
