using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>How conditions of a filter combine.</summary>
[DataContract(Name = "LogicalOperator", Namespace = XmlNamespaces.Contracts)]
public enum LogicalOperator
{
    [EnumMember]
    And = 0,

    [EnumMember]
    Or = 1,
}
