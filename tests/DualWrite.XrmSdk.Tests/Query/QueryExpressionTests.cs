using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.XrmSdk.Tests.Query;

/// <summary>Pins what the QueryExpression constructor creates and its helpers.</summary>
public class QueryExpressionTests
{
    [Fact]
    public void The_constructor_creates_Criteria_PageInfo_and_an_empty_ColumnSet()
    {
        var query = new QueryExpression("account");

        Assert.Equal("account", query.EntityName);
        Assert.NotNull(query.Criteria);
        Assert.Equal(LogicalOperator.And, query.Criteria.FilterOperator);
        Assert.NotNull(query.PageInfo);
        Assert.NotNull(query.ColumnSet);
        Assert.False(query.ColumnSet.AllColumns);
        Assert.Empty(query.ColumnSet.Columns);
        Assert.Empty(query.Orders);
        Assert.Empty(query.LinkEntities);
        Assert.Null(query.TopCount);
    }

    [Fact]
    public void The_parameterless_constructor_also_creates_Criteria_PageInfo_and_ColumnSet()
    {
        var query = new QueryExpression();

        Assert.Null(query.EntityName);
        Assert.NotNull(query.Criteria);
        Assert.NotNull(query.PageInfo);
        Assert.NotNull(query.ColumnSet);
    }

    [Fact]
    public void AddOrder_appends_an_order()
    {
        var query = new QueryExpression("account");

        query.AddOrder("name", OrderType.Descending);

        var order = Assert.Single(query.Orders);
        Assert.Equal("name", order.AttributeName);
        Assert.Equal(OrderType.Descending, order.OrderType);
    }

    [Fact]
    public void AddLink_joins_from_the_query_table_and_defaults_to_an_inner_join()
    {
        var query = new QueryExpression("account");

        var link = query.AddLink("contact", "primarycontactid", "contactid");
        var outer = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);

        Assert.Equal(2, query.LinkEntities.Count);
        Assert.Equal("account", link.LinkFromEntityName);
        Assert.Equal("contact", link.LinkToEntityName);
        Assert.Equal("primarycontactid", link.LinkFromAttributeName);
        Assert.Equal("contactid", link.LinkToAttributeName);
        Assert.Equal(JoinOperator.Inner, link.JoinOperator);
        Assert.Equal(JoinOperator.LeftOuter, outer.JoinOperator);
        Assert.NotNull(link.LinkCriteria);
        Assert.NotNull(link.Columns);
    }

    [Fact]
    public void Nested_links_join_from_the_linked_table()
    {
        var link = new QueryExpression("account").AddLink("contact", "primarycontactid", "contactid");

        var nested = link.AddLink("systemuser", "ownerid", "systemuserid");

        Assert.Equal("contact", nested.LinkFromEntityName);
        Assert.Same(nested, Assert.Single(link.LinkEntities));
    }
}
