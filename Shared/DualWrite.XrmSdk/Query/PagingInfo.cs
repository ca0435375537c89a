using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Which page of a query to return and how big it is.</summary>
[DataContract(Name = "PagingInfo", Namespace = XmlNamespaces.Contracts)]
public sealed class PagingInfo : IExtensibleDataObject
{
    /// <summary>The 1-based page number.</summary>
    [DataMember]
    public int PageNumber { get; set; }

    /// <summary>The page size.</summary>
    [DataMember]
    public int Count { get; set; }

    /// <summary>Also compute the total record count.</summary>
    [DataMember]
    public bool ReturnTotalRecordCount { get; set; }

    /// <summary>The cookie from the previous page.</summary>
    [DataMember]
    public string PagingCookie { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}
