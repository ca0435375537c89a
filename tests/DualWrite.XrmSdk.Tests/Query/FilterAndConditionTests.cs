using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.XrmSdk.Tests.Query;

/// <summary>Pins filter and condition construction.</summary>
public class FilterAndConditionTests
{
    [Fact]
    public void AddCondition_with_params_values_keeps_each_value()
    {
        var filter = new FilterExpression();

        filter.AddCondition("statecode", ConditionOperator.In, 0, 1);

        var condition = Assert.Single(filter.Conditions);
        Assert.Equal("statecode", condition.AttributeName);
        Assert.Equal(ConditionOperator.In, condition.Operator);
        Assert.Equal(new object[] { 0, 1 }, condition.Values);
    }

    [Fact]
    public void AddCondition_on_a_linked_table_sets_EntityName()
    {
        var filter = new FilterExpression();

        filter.AddCondition("c", "lastname", ConditionOperator.Equal, "Smith");

        Assert.Equal("c", Assert.Single(filter.Conditions).EntityName);
    }

    [Fact]
    public void AddFilter_with_an_operator_returns_the_new_child_filter()
    {
        var filter = new FilterExpression(LogicalOperator.And);

        var child = filter.AddFilter(LogicalOperator.Or);
        child.AddCondition("name", ConditionOperator.Null);

        Assert.Same(child, Assert.Single(filter.Filters));
        Assert.Equal(LogicalOperator.Or, child.FilterOperator);
    }

    [Fact]
    public void A_single_value_condition_holds_that_one_value()
    {
        var condition = new ConditionExpression("name", ConditionOperator.Equal, "Contoso");

        Assert.Equal(new object[] { "Contoso" }, condition.Values);
        Assert.Null(condition.EntityName);
    }

    [Fact]
    public void A_collection_condition_copies_the_collection_items()
    {
        var condition = new ConditionExpression("statecode", ConditionOperator.In, new List<int> { 0, 1 });

        Assert.Equal(new object[] { 0, 1 }, condition.Values);
    }

    [Fact]
    public void A_condition_without_values_has_an_empty_Values_collection()
    {
        Assert.Empty(new ConditionExpression("name", ConditionOperator.NotNull).Values);
        Assert.Empty(new ConditionExpression().Values);
    }

    [Fact]
    public void ColumnSet_constructors_set_columns_or_all_columns()
    {
        Assert.True(new ColumnSet(true).AllColumns);
        Assert.Equal(new[] { "name", "accountnumber" }, new ColumnSet("name", "accountnumber").Columns);

        var columns = new ColumnSet();
        columns.AddColumn("name");
        columns.AddColumns("a", "b");
        Assert.Equal(new[] { "name", "a", "b" }, columns.Columns);
    }

    [Theory]
    [InlineData(ConditionOperator.Equal, 0)]
    [InlineData(ConditionOperator.NotNull, 13)]
    [InlineData(ConditionOperator.Contains, 49)]
    [InlineData(ConditionOperator.DoesNotContain, 50)]
    [InlineData(ConditionOperator.NotOn, 52)]
    [InlineData(ConditionOperator.BeginsWith, 54)]
    [InlineData(ConditionOperator.DoesNotBeginWith, 55)]
    [InlineData(ConditionOperator.EndsWith, 56)]
    [InlineData(ConditionOperator.DoesNotEndWith, 57)]
    [InlineData(ConditionOperator.EqualUserOrUserTeams, 74)]
    [InlineData(ConditionOperator.Above, 75)]
    [InlineData(ConditionOperator.Under, 76)]
    [InlineData(ConditionOperator.NotUnder, 77)]
    [InlineData(ConditionOperator.AboveOrEqual, 78)]
    [InlineData(ConditionOperator.UnderOrEqual, 79)]
    [InlineData(ConditionOperator.OlderThanXMinutes, 86)]
    [InlineData(ConditionOperator.DoesNotContainValues, 88)]
    public void ConditionOperator_values_match_the_real_sdk(ConditionOperator op, int expected)
    {
        Assert.Equal(expected, (int)op);
    }

    [Fact]
    public void ConditionOperator_has_89_distinct_values_from_0_to_88()
    {
        var values = System.Enum.GetValues(typeof(ConditionOperator)).Cast<ConditionOperator>().Select(op => (int)op).OrderBy(v => v);

        Assert.Equal(Enumerable.Range(0, 89), values);
    }
}
