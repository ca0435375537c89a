using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The answer to DisassociateRequest; carries nothing.</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class DisassociateResponse : OrganizationResponse
{
}
