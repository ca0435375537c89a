using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The answer to UpdateMultipleRequest; carries nothing.</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class UpdateMultipleResponse : OrganizationResponse
{
}
