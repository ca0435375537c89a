using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The answer to CreateRequest. Each property is a read-only view of Results["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class CreateResponse : OrganizationResponse
{
    /// <summary>The id of the new record (lower-case name, as in the real SDK).</summary>
    public Guid id => Results.Contains("id") ? (Guid)Results["id"] : default;
}
