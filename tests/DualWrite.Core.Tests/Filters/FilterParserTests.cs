using System;
using DualWrite.Core.Filters;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Tests.Filters;

public class FilterParserTests
{
    [Fact]
    public void A_comparison_becomes_a_field_an_operator_and_a_literal()
    {
        var node = Assert.IsType<ComparisonExpression>(FilterParser.Parse("PartyType eq 'Organization'"));

        Assert.Equal("PartyType", Assert.IsType<FieldReference>(node.Left).Name);
        Assert.Equal(ComparisonOperator.Equal, node.Operator);
        Assert.Equal("Organization", Assert.IsType<FilterLiteral>(node.Right).Value);
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var node = Assert.IsType<LogicalExpression>(FilterParser.Parse("a eq 1 or b eq 2 and c eq 3"));

        Assert.Equal(LogicalOperator.Or, node.Operator);
        Assert.Equal(LogicalOperator.And, Assert.IsType<LogicalExpression>(node.Right).Operator);
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        var node = Assert.IsType<LogicalExpression>(FilterParser.Parse("(a eq 1 or b eq 2) and c eq 3"));

        Assert.Equal(LogicalOperator.And, node.Operator);
        Assert.Equal(LogicalOperator.Or, Assert.IsType<LogicalExpression>(node.Left).Operator);
    }

    [Fact]
    public void Not_applies_to_the_condition_that_follows()
    {
        var node = Assert.IsType<NotExpression>(FilterParser.Parse("not (x gt 5)"));

        Assert.IsType<ComparisonExpression>(node.Operand);
        Assert.IsType<NotExpression>(FilterParser.Parse("not IsBlocked"));
    }

    [Fact]
    public void Typed_literals_are_read_with_their_types()
    {
        var e = FilterExpression.Parse(
            "a eq null and b eq true and c eq 42 and d eq 1.5 and e eq 6a3c1f9e-0000-4000-8000-000000000001 "
            + "and f gt 2024-05-01T13:45:00Z and g eq 2024-05-01 and h eq Microsoft.Dynamics.DataEntities.PartyType'Organization' and i eq -7");

        var values = new System.Collections.Generic.List<object?>();
        Collect(e.Root, values);
        Assert.Equal(
            new object?[]
            {
                null, true, 42L, 1.5m, Guid.Parse("6a3c1f9e-0000-4000-8000-000000000001"),
                new DateTimeOffset(2024, 5, 1, 13, 45, 0, TimeSpan.Zero), new ODataDate(2024, 5, 1),
                ODataEnumValue.ForFinOps("PartyType", "Organization"), -7L,
            },
            values);
    }

    [Fact]
    public void The_expression_lists_the_fields_it_references_once_each_in_order()
    {
        var e = FilterExpression.Parse("(b eq 1 or a eq b) and not msdyn_company/cdm_companycode eq 'usmf' and a ne null");

        Assert.Equal(new[] { "b", "a", "msdyn_company/cdm_companycode" }, e.FieldNames);
    }

    [Theory]
    [InlineData("", 1, "a condition (a field, a value or '(')", "the end of the filter")]
    [InlineData("Name eq", 8, "a value or field after 'eq'", "the end of the filter")]
    [InlineData("Name eq 'x", 9, "a value or field after 'eq'", "a string with no closing quote")]
    [InlineData("Name equals 'x'", 6, "a comparison operator (eq, ne, gt, ge, lt, le) after the field 'Name'", "'equals'")]
    [InlineData("Name eq 'x' nand b eq 1", 13, "'and', 'or' or the end of the filter", "'nand'")]
    [InlineData("(a eq 1", 8, "'and', 'or' or ')' to close the '(' at position 1", "the end of the filter")]
    [InlineData("a eq 1)", 7, "'and', 'or' or the end of the filter", "')'")]
    [InlineData("a eq 1 and", 11, "a condition (a field, a value or '(')", "the end of the filter")]
    [InlineData("'x' and a eq 1", 5, "a comparison operator (eq, ne, gt, ge, lt, le) after the value 'x'", "'and'")]
    [InlineData("a eq and", 6, "a value or field after 'eq'", "the keyword 'and'")]
    [InlineData("a eq #", 6, "a value or field after 'eq'", "'#'")]
    [InlineData("a eq 01x", 6, "a value or field after 'eq'", "'01x', which is not a valid number, Guid, date or date-time")]
    [InlineData("T gt Microsoft.Dynamics.DataEntities.PartyType'Person'", 3, "'eq' or 'ne' (enum values support only those)", "'gt'")]
    [InlineData("a EQ 1", 3, "a comparison operator (eq, ne, gt, ge, lt, le) after the field 'a'", "'EQ'")]
    public void Errors_name_the_position_what_was_expected_and_what_was_found(string filter, int position, string expected, string found)
    {
        var ex = Assert.Throws<FilterParseException>(() => FilterParser.Parse(filter));

        Assert.Equal(position, ex.Position);
        Assert.Equal(expected, ex.Error!.Expected);
        Assert.Contains(found, ex.Error.Found, StringComparison.Ordinal);
        Assert.StartsWith("Invalid filter \"" + filter + "\" at position " + position + ": expected ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Try_parse_returns_the_error_as_a_value()
    {
        Assert.False(FilterExpression.TryParse("a eq", out var e, out var error));
        Assert.Null(e);
        Assert.Equal(5, error!.Position);
    }

    [Fact]
    public void Deep_nesting_is_refused_rather_than_overflowing_the_stack()
    {
        var filter = new string('(', 10_000) + "a eq 1" + new string(')', 10_000);

        var ex = Assert.Throws<FilterParseException>(() => FilterParser.Parse(filter));

        Assert.Contains("nested", ex.Error!.Expected, StringComparison.Ordinal);
    }

    private static void Collect(FilterNode node, System.Collections.Generic.List<object?> values)
    {
        switch (node)
        {
            case LogicalExpression l:
                Collect(l.Left, values);
                Collect(l.Right, values);
                break;
            case ComparisonExpression c:
                values.Add(Assert.IsType<FilterLiteral>(c.Right).Value);
                break;
        }
    }
}
