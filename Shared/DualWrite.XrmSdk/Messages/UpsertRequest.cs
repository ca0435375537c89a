using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Creates or updates a record identified by id or alternate key. Each property is backed by Parameters["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class UpsertRequest : OrganizationRequest
{
    /// <summary>Creates the request with RequestName "Upsert".</summary>
    public UpsertRequest()
    {
        RequestName = "Upsert";
    }

    /// <summary>The record to create or update.</summary>
    public Entity Target
    {
        get => Parameters.Contains("Target") ? (Entity)Parameters["Target"] : default;
        set => Parameters["Target"] = value;
    }
}
