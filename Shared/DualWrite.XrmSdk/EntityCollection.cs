using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A page of records returned by RetrieveMultiple, plus the paging state to fetch the next.</summary>
[DataContract(Name = "EntityCollection", Namespace = XmlNamespaces.Contracts)]
public sealed class EntityCollection : IExtensibleDataObject
{
    /// <summary>Creates an empty collection.</summary>
    public EntityCollection()
    {
        Entities = new DataCollection<Entity>();
    }

    /// <summary>Wraps an existing list of records.</summary>
    public EntityCollection(IList<Entity> list)
    {
        Entities = new DataCollection<Entity>(list);
    }

    /// <summary>The records; the collection itself cannot be replaced (private setter, as in the SDK).</summary>
    [DataMember]
    public DataCollection<Entity> Entities { get; private set; }

    /// <summary>Whether another page exists.</summary>
    [DataMember]
    public bool MoreRecords { get; set; }

    /// <summary>The cookie to pass back for the next page.</summary>
    [DataMember]
    public string PagingCookie { get; set; }

    /// <summary>The lowest active row version when the page was read.</summary>
    [DataMember]
    public string MinActiveRowVersion { get; set; }

    /// <summary>The total count, when it was requested.</summary>
    [DataMember]
    public int TotalRecordCount { get; set; }

    /// <summary>Whether the total count hit the platform's limit.</summary>
    [DataMember]
    public bool TotalRecordCountLimitExceeded { get; set; }

    /// <summary>The table the records belong to.</summary>
    [DataMember]
    public string EntityName { get; set; }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Reads or replaces the record at a position.</summary>
    public Entity this[int index]
    {
        get => Entities[index];
        set => Entities[index] = value;
    }
}
