using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The answer to CreateMultipleRequest. Each property is a read-only view of Results["Name"].</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class CreateMultipleResponse : OrganizationResponse
{
    /// <summary>The ids of the new records, in request order.</summary>
    public Guid[] Ids => Results.Contains("Ids") ? (Guid[])Results["Ids"] : default;
}
