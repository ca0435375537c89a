using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The answer to UpsertRequest. Each property is a read-only view of Results["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class UpsertResponse : OrganizationResponse
{
    /// <summary>Whether the upsert created the record.</summary>
    public bool RecordCreated => Results.Contains("RecordCreated") ? (bool)Results["RecordCreated"] : default;

    /// <summary>The record that was created or updated.</summary>
    public EntityReference Target => Results.Contains("Target") ? (EntityReference)Results["Target"] : default;
}
