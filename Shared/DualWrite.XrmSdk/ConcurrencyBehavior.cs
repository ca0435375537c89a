using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Whether Update/Delete check the row version before writing.</summary>
[DataContract(Name = "ConcurrencyBehavior", Namespace = XmlNamespaces.Contracts)]
public enum ConcurrencyBehavior
{
    [EnumMember]
    Default = 0,

    [EnumMember]
    IfRowVersionMatches = 1,

    [EnumMember]
    AlwaysOverwrite = 2,
}
