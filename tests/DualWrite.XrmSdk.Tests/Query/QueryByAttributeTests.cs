using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.XrmSdk.Tests.Query;

/// <summary>Pins QueryByAttribute's constructor, which unlike QueryExpression leaves ColumnSet and PageInfo null.</summary>
public class QueryByAttributeTests
{
    [Fact]
    public void The_entity_name_constructor_leaves_ColumnSet_and_PageInfo_null()
    {
        var query = new QueryByAttribute("account");

        Assert.Equal("account", query.EntityName);
        Assert.Null(query.ColumnSet);
        Assert.Null(query.PageInfo);
        Assert.Empty(query.Attributes);
        Assert.Empty(query.Values);
        Assert.Empty(query.Orders);
    }

    [Fact]
    public void AddAttributeValue_pairs_attributes_and_values_by_position()
    {
        var query = new QueryByAttribute("account");

        query.AddAttributeValue("accountnumber", "A-1");
        query.AddAttributeValue("statecode", 0);
        query.AddOrder("name", OrderType.Ascending);

        Assert.Equal(new[] { "accountnumber", "statecode" }, query.Attributes);
        Assert.Equal(new object[] { "A-1", 0 }, query.Values);
        Assert.Equal("name", Assert.Single(query.Orders).AttributeName);
    }
}
