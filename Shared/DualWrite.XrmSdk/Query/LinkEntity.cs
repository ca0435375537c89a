using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A join from one table of a query to another, with its own columns, filter and nested joins.</summary>
[DataContract(Name = "LinkEntity", Namespace = XmlNamespaces.Contracts)]
public sealed class LinkEntity : IExtensibleDataObject
{
    private DataCollection<LinkEntity> _linkEntities;
    private DataCollection<OrderExpression> _orders;

    /// <summary>Creates an empty inner join.</summary>
    public LinkEntity()
        : this(null, null, null, null, JoinOperator.Inner)
    {
    }

    /// <summary>Creates a join between two tables on the given attributes.</summary>
    public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        LinkFromEntityName = linkFromEntityName;
        LinkToEntityName = linkToEntityName;
        LinkFromAttributeName = linkFromAttributeName;
        LinkToAttributeName = linkToAttributeName;
        JoinOperator = joinOperator;
        LinkCriteria = new FilterExpression();
        Columns = new ColumnSet();
    }

    /// <summary>The attribute on the outer table.</summary>
    [DataMember]
    public string LinkFromAttributeName { get; set; }

    /// <summary>The outer table.</summary>
    [DataMember]
    public string LinkFromEntityName { get; set; }

    /// <summary>The joined table.</summary>
    [DataMember]
    public string LinkToEntityName { get; set; }

    /// <summary>The attribute on the joined table.</summary>
    [DataMember]
    public string LinkToAttributeName { get; set; }

    /// <summary>The join type.</summary>
    [DataMember]
    public JoinOperator JoinOperator { get; set; }

    /// <summary>The filter on the joined table.</summary>
    [DataMember]
    public FilterExpression LinkCriteria { get; set; }

    /// <summary>Nested joins; the collection cannot be replaced.</summary>
    [DataMember]
    public DataCollection<LinkEntity> LinkEntities
    {
        get => _linkEntities ??= new DataCollection<LinkEntity>();
        private set => _linkEntities = value;
    }

    /// <summary>The joined table's columns to return (prefixed by the alias).</summary>
    [DataMember]
    public ColumnSet Columns { get; set; }

    /// <summary>The alias for the joined table's columns.</summary>
    [DataMember]
    public string EntityAlias { get; set; }

    /// <summary>Sort on the joined table; the collection cannot be replaced.</summary>
    [DataMember]
    public DataCollection<OrderExpression> Orders
    {
        get => _orders ??= new DataCollection<OrderExpression>();
        private set => _orders = value;
    }

    /// <summary>Round-trips data members this version does not know.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Adds a nested inner join from the joined table and returns it.</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
    {
        return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
    }

    /// <summary>Adds a nested join from the joined table and returns it.</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity(LinkToEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        LinkEntities.Add(link);
        return link;
    }
}
