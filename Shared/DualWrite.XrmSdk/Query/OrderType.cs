using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Sort direction.</summary>
[DataContract(Name = "OrderType", Namespace = XmlNamespaces.Contracts)]
public enum OrderType
{
    [EnumMember]
    Ascending = 0,

    [EnumMember]
    Descending = 1,
}
