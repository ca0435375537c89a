using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A structured query. The constructor creates <see cref="Criteria"/>, <see cref="PageInfo"/>
/// and an empty <see cref="ColumnSet"/>, so callers can add to them at once, as with the real SDK.</summary>
[DataContract(Name = "QueryExpression", Namespace = XmlNamespaces.Contracts)]
public sealed class QueryExpression : QueryBase
{
    private DataCollection<LinkEntity> _linkEntities;
    private DataCollection<OrderExpression> _orders;

    /// <summary>Creates a query with no table yet.</summary>
    public QueryExpression()
        : this(null)
    {
    }

    /// <summary>Creates a query of the given table.</summary>
    public QueryExpression(string entityName)
    {
        EntityName = entityName;
        Criteria = new FilterExpression();
        PageInfo = new PagingInfo();
        ColumnSet = new ColumnSet();
    }

    /// <summary>Return only distinct rows.</summary>
    [DataMember]
    public bool Distinct { get; set; }

    /// <summary>Read without shared locks.</summary>
    [DataMember]
    public bool NoLock { get; set; }

    /// <summary>Paging: page number, page size, cookie.</summary>
    [DataMember]
    public PagingInfo PageInfo { get; set; }

    /// <summary>SQL query hints.</summary>
    [DataMember]
    public string QueryHints { get; set; }

    /// <summary>Joins to other tables; the collection cannot be replaced.</summary>
    [DataMember]
    public DataCollection<LinkEntity> LinkEntities
    {
        get => _linkEntities ??= new DataCollection<LinkEntity>();
        private set => _linkEntities = value;
    }

    /// <summary>The filter.</summary>
    [DataMember]
    public FilterExpression Criteria { get; set; }

    /// <summary>Sort order; the collection cannot be replaced.</summary>
    [DataMember]
    public DataCollection<OrderExpression> Orders
    {
        get => _orders ??= new DataCollection<OrderExpression>();
        private set => _orders = value;
    }

    /// <summary>The table to read.</summary>
    [DataMember]
    public string EntityName { get; set; }

    /// <summary>The columns to return.</summary>
    [DataMember]
    public ColumnSet ColumnSet { get; set; }

    /// <summary>The maximum number of rows, when set.</summary>
    [DataMember]
    public int? TopCount { get; set; }

    internal override string TargetEntityName => EntityName;

    /// <summary>Adds a sort column.</summary>
    public void AddOrder(string attributeName, OrderType orderType)
    {
        Orders.Add(new OrderExpression(attributeName, orderType));
    }

    /// <summary>Adds an inner join from this query's table and returns it.</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
    {
        return AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);
    }

    /// <summary>Adds a join from this query's table and returns it.</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        LinkEntities.Add(link);
        return link;
    }
}
