using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>The answer to UpsertMultipleRequest. Its typed <see cref="Results"/> hides the inherited
/// ParameterCollection Results, as in the real SDK (confirmed on learn.microsoft.com:
/// UpsertMultipleResponse.Results is <c>UpsertResponse[] Results { get; }</c>).</summary>
[DataContract(Namespace = XmlNamespaces.Contracts)]
public sealed class UpsertMultipleResponse : OrganizationResponse
{
    /// <summary>One UpsertResponse per target, in request order.</summary>
    public new UpsertResponse[] Results => base.Results.Contains("Results") ? (UpsertResponse[])base.Results["Results"] : default;
}
