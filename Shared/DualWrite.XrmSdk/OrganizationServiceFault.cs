using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The fault of an organization service call; clients catch
/// FaultException&lt;OrganizationServiceFault&gt; and switch on ErrorCode. Not sealed: confirmed on
/// learn.microsoft.com (public class OrganizationServiceFault : BaseServiceFault, [Serializable]).</summary>
[Serializable]
[DataContract(Name = "OrganizationServiceFault", Namespace = XmlNamespaces.Contracts)]
public class OrganizationServiceFault : BaseServiceFault
{
    /// <summary>The plug-in trace text captured with the fault.</summary>
    [DataMember]
    public string TraceText { get; set; }

    /// <summary>The fault that caused this one.</summary>
    [DataMember]
    public OrganizationServiceFault InnerFault { get; set; }
}
