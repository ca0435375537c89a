using System;
using System.Linq;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Tests.Query;

public sealed class QueryOperatorTests : IDisposable
{
    private readonly InMemoryDataverse _dataverse = TestDataverse.Build();

    public QueryOperatorTests()
    {
        Add("Alpha", 10, 100m, "A-1");
        Add("Beta", 20, 200m, "B-2");
        Add("Gamma", 30, null, "C-3");
        Add("alphabet", null, 50m, null);
    }

    public void Dispose() => _dataverse.Dispose();

    [Theory]
    [InlineData("name", ConditionOperator.Equal, new object[] { "alpha" }, "Alpha")]
    [InlineData("numberofemployees", ConditionOperator.NotEqual, new object[] { 10 }, "Beta,Gamma")]
    [InlineData("numberofemployees", ConditionOperator.In, new object[] { 10, 30 }, "Alpha,Gamma")]
    [InlineData("numberofemployees", ConditionOperator.NotIn, new object[] { 10, 30 }, "Beta")]
    [InlineData("numberofemployees", ConditionOperator.Null, new object[0], "alphabet")]
    [InlineData("numberofemployees", ConditionOperator.NotNull, new object[0], "Alpha,Beta,Gamma")]
    [InlineData("name", ConditionOperator.Like, new object[] { "%pha%" }, "Alpha,alphabet")]
    [InlineData("name", ConditionOperator.Like, new object[] { "_eta" }, "Beta")]
    [InlineData("name", ConditionOperator.BeginsWith, new object[] { "ALPHA" }, "Alpha,alphabet")]
    [InlineData("name", ConditionOperator.EndsWith, new object[] { "ma" }, "Gamma")]
    [InlineData("numberofemployees", ConditionOperator.GreaterThan, new object[] { 10 }, "Beta,Gamma")]
    [InlineData("numberofemployees", ConditionOperator.GreaterEqual, new object[] { 20 }, "Beta,Gamma")]
    [InlineData("numberofemployees", ConditionOperator.LessThan, new object[] { 20 }, "Alpha")]
    [InlineData("numberofemployees", ConditionOperator.LessEqual, new object[] { 20 }, "Alpha,Beta")]
    [InlineData("accountnumber", ConditionOperator.NotLike, new object[] { "A%" }, "Beta,Gamma")]
    public void Each_condition_operator_selects_the_matching_rows(string column, ConditionOperator op, object[] values, string expected)
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition(column, op, values);

        Assert.Equal(expected, Names(query));
    }

    [Fact]
    public void Money_and_option_set_columns_compare_by_their_inner_values()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("creditlimit", ConditionOperator.GreaterThan, 90m);
        Assert.Equal("Alpha,Beta", Names(query));

        var money = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        money.Criteria.AddCondition("creditlimit", ConditionOperator.Equal, new Money(200m));
        Assert.Equal("Beta", Names(money));
    }

    [Fact]
    public void Nested_and_or_filters_combine()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.FilterOperator = LogicalOperator.And;
        query.Criteria.AddCondition("name", ConditionOperator.BeginsWith, "a");
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition("numberofemployees", ConditionOperator.Equal, 10);
        either.AddCondition("numberofemployees", ConditionOperator.Null);

        Assert.Equal("Alpha,alphabet", Names(query));
    }

    [Fact]
    public void Orders_sort_with_nulls_first_ascending_and_ties_by_insertion()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddOrder("creditlimit", OrderType.Descending);
        Assert.Equal("Beta,Alpha,alphabet,Gamma", Names(query));

        var ascending = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        ascending.AddOrder("numberofemployees", OrderType.Ascending);
        Assert.Equal("alphabet,Alpha,Beta,Gamma", Names(ascending));
    }

    [Fact]
    public void Top_count_limits_the_rows()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), TopCount = 2 };
        query.AddOrder("name", OrderType.Descending);

        Assert.Equal("Gamma,Beta", Names(query));
    }

    [Fact]
    public void Query_by_attribute_matches_every_attribute_value_pair()
    {
        var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name") };
        query.AddAttributeValue("numberofemployees", 20);
        query.AddAttributeValue("accountnumber", "b-2");

        Assert.Equal("Beta", string.Join(",", _dataverse.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name"))));
    }

    [Fact]
    public void The_column_set_limits_returned_columns()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var first = _dataverse.Service.RetrieveMultiple(query).Entities[0];

        Assert.True(first.Contains("name"));
        Assert.False(first.Contains("numberofemployees"));
        Assert.NotEqual(Guid.Empty, first.Id);
    }

    [Fact]
    public void A_condition_on_an_unknown_column_is_refused()
    {
        var query = new QueryExpression("account");
        query.Criteria.AddCondition("nosuch", ConditionOperator.Equal, 1);

        Assertions.Fault(Faults.ErrorCodes.AttributeDoesNotExist, () => _dataverse.Service.RetrieveMultiple(query));
    }

    [Fact]
    public void A_column_set_naming_an_unknown_column_is_refused_even_when_nothing_matches()
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("nosuch") };
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "no match");

        Assertions.Fault(Faults.ErrorCodes.AttributeDoesNotExist, () => _dataverse.Service.RetrieveMultiple(query));
    }

    private string Names(QueryExpression query)
        => string.Join(",", _dataverse.Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name")));

    private void Add(string name, int? employees, decimal? credit, string? number)
    {
        var entity = new Entity("account") { ["name"] = name, ["numberofemployees"] = employees, ["accountnumber"] = number };
        if (credit is decimal c)
        {
            entity["creditlimit"] = new Money(c);
        }

        _dataverse.Service.Create(entity);
    }
}
