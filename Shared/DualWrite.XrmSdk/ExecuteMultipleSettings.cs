using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>How an ExecuteMultipleRequest behaves on faults and what it returns.</summary>
[DataContract(Name = "ExecuteMultipleSettings", Namespace = XmlNamespaces.Contracts2012)]
public sealed class ExecuteMultipleSettings : IExtensibleDataObject
{
    /// <summary>Keep running the remaining requests after one faults.</summary>
    [DataMember]
    public bool ContinueOnError { get; set; }

    /// <summary>Return a response for each successful request (faults are always returned).</summary>
    [DataMember]
    public bool ReturnResponses { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}
