using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Change-tracking state of an entity. Values confirmed on learn.microsoft.com
/// (EntityState enum: Unchanged = 0, Created = 1, Changed = 2).</summary>
[DataContract(Name = "EntityState", Namespace = XmlNamespaces.Contracts)]
public enum EntityState
{
    [EnumMember]
    Unchanged = 0,

    [EnumMember]
    Created = 1,

    [EnumMember]
    Changed = 2,
}
