using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The fault detail every Dataverse service error carries. Abstract with a protected
/// constructor, [Serializable], [DataContract] and [KnownType] as on learn.microsoft.com (BaseServiceFault class).</summary>
[Serializable]
[DataContract(Name = "BaseServiceFault", Namespace = XmlNamespaces.Contracts)]
[KnownType(typeof(OrganizationServiceFault))]
[KnownType(typeof(ExecuteTransactionFault))]
public abstract class BaseServiceFault : IExtensibleDataObject
{
    private ErrorDetailCollection _errorDetails;

    /// <summary>Only concrete fault types construct this.</summary>
    protected BaseServiceFault()
    {
    }

    /// <summary>The error code, e.g. 0x80040265 (IsvAborted) for a plug-in error.</summary>
    [DataMember]
    public int ErrorCode { get; set; }

    /// <summary>Extra name/value details; created on first use.</summary>
    [DataMember]
    public ErrorDetailCollection ErrorDetails
    {
        get => _errorDetails ??= new ErrorDetailCollection();
        set => _errorDetails = value;
    }

    /// <summary>The error message.</summary>
    [DataMember]
    public string Message { get; set; }

    /// <summary>When the fault occurred (UTC).</summary>
    [DataMember]
    public DateTime Timestamp { get; set; }

    /// <summary>The platform's activity id, for support.</summary>
    [DataMember]
    public Guid ActivityId { get; set; }

    /// <summary>A link to documentation about the error.</summary>
    [DataMember]
    public string HelpLink { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    [field: NonSerialized]
    public ExtensionDataObject ExtensionData { get; set; }
}
