using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>The join type of a LinkEntity. Only the three long-standing values; later SDK lines add more, and a value missing here merely fails to compile here, never against the real SDK.</summary>
[DataContract(Name = "JoinOperator", Namespace = XmlNamespaces.Contracts)]
public enum JoinOperator
{
    [EnumMember]
    Inner = 0,

    [EnumMember]
    LeftOuter = 1,

    [EnumMember]
    Natural = 2,
}
