using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The answer to RetrieveRequest. Each property is a read-only view of Results["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class RetrieveResponse : OrganizationResponse
{
    /// <summary>The record read.</summary>
    public Entity Entity => Results.Contains("Entity") ? (Entity)Results["Entity"] : default;
}
