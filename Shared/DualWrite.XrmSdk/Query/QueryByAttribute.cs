using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A query by attribute equality. Unlike QueryExpression, the constructor leaves
/// <see cref="ColumnSet"/> and <see cref="PageInfo"/> null, as the real SDK does.</summary>
[DataContract(Name = "QueryByAttribute", Namespace = XmlNamespaces.Contracts)]
public sealed class QueryByAttribute : QueryBase
{
    private DataCollection<string> _attributes;
    private DataCollection<object> _values;
    private DataCollection<OrderExpression> _orders;

    /// <summary>Creates a query with no table yet.</summary>
    public QueryByAttribute()
        : this(null)
    {
    }

    /// <summary>Creates a query of the given table.</summary>
    public QueryByAttribute(string entityName)
    {
        EntityName = entityName;
    }

    /// <summary>The table to read.</summary>
    [DataMember]
    public string EntityName { get; set; }

    /// <summary>The columns to return.</summary>
    [DataMember]
    public ColumnSet ColumnSet { get; set; }

    /// <summary>The attributes to compare, paired by position with <see cref="Values"/>.</summary>
    [DataMember]
    public DataCollection<string> Attributes
    {
        get => _attributes ??= new DataCollection<string>();
        private set => _attributes = value;
    }

    /// <summary>The values to compare, paired by position with <see cref="Attributes"/>.</summary>
    [DataMember]
    public DataCollection<object> Values
    {
        get => _values ??= new DataCollection<object>();
        private set => _values = value;
    }

    /// <summary>Sort order; the collection cannot be replaced.</summary>
    [DataMember]
    public DataCollection<OrderExpression> Orders
    {
        get => _orders ??= new DataCollection<OrderExpression>();
        private set => _orders = value;
    }

    /// <summary>Paging: page number, page size, cookie.</summary>
    [DataMember]
    public PagingInfo PageInfo { get; set; }

    /// <summary>The maximum number of rows, when set.</summary>
    [DataMember]
    public int? TopCount { get; set; }

    internal override string TargetEntityName => EntityName;

    /// <summary>Adds a sort column.</summary>
    public void AddOrder(string attributeName, OrderType orderType)
    {
        Orders.Add(new OrderExpression(attributeName, orderType));
    }

    /// <summary>Adds an attribute = value pair.</summary>
    public void AddAttributeValue(string attributeName, object value)
    {
        Attributes.Add(attributeName);
        Values.Add(value);
    }
}
