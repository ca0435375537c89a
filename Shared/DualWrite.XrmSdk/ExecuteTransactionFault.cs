using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The fault of an ExecuteTransactionRequest: one of its requests failed and the whole transaction was
/// rolled back. Sealed, [Serializable] and [DataContract] in the 7.1 namespace as on learn.microsoft.com
/// (ExecuteTransactionFault class).</summary>
[Serializable]
[DataContract(Name = "ExecuteTransactionFault", Namespace = XmlNamespaces.Contracts71)]
public sealed class ExecuteTransactionFault : OrganizationServiceFault
{
    /// <summary>The index in the Requests collection of the request that faulted.</summary>
    [DataMember]
    public int FaultedRequestIndex { get; set; }
}
