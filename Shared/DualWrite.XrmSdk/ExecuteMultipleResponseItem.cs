using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The outcome of one request inside an ExecuteMultipleRequest: its response or its fault.</summary>
[DataContract(Name = "ExecuteMultipleResponseItem", Namespace = XmlNamespaces.Contracts2012)]
public sealed class ExecuteMultipleResponseItem : IExtensibleDataObject
{
    /// <summary>Zero-based position of the request in the batch.</summary>
    [DataMember]
    public int RequestIndex { get; set; }

    /// <summary>The response, when the request succeeded and responses were asked for.</summary>
    [DataMember]
    public OrganizationResponse Response { get; set; }

    /// <summary>The fault, when the request failed.</summary>
    [DataMember]
    public OrganizationServiceFault Fault { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}
