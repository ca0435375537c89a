using System.Collections.Generic;
using DualWrite.Core.Filters;

namespace DualWrite.Core.Tests.Filters;

/// <summary>contains/startswith/endswith: grammar the Dataverse emulator opts into; table maps never see it.</summary>
public class StringFunctionTests
{
    private const FilterExtensions Functions = FilterExtensions.StringFunctions;

    [Theory]
    [InlineData("contains(accountnumber,'T-01')", StringFunction.Contains)]
    [InlineData("startswith( accountnumber , 'T-01' )", StringFunction.StartsWith)]
    [InlineData("endswith(accountnumber,'T-01')", StringFunction.EndsWith)]
    public void A_string_function_becomes_a_call_on_a_field_with_its_text(string filter, StringFunction expected)
    {
        var call = Assert.IsType<StringFunctionCall>(FilterParser.Parse(filter, Functions));

        Assert.Equal(expected, call.Function);
        Assert.Equal("accountnumber", call.Field.Name);
        Assert.Equal("T-01", call.Argument);
    }

    [Fact]
    public void The_text_argument_follows_the_odata_string_rules()
    {
        var call = Assert.IsType<StringFunctionCall>(FilterParser.Parse("contains(name,'O''Neil')", Functions));

        Assert.Equal("O'Neil", call.Argument);
    }

    [Fact]
    public void A_call_combines_with_not_and_comparisons_like_any_condition()
    {
        var node = Assert.IsType<LogicalExpression>(FilterParser.Parse("not startswith(a,'x') and b eq 1", Functions));

        Assert.IsType<StringFunctionCall>(Assert.IsType<NotExpression>(node.Left).Operand);
        Assert.IsType<ComparisonExpression>(node.Right);
    }

    [Fact]
    public void Table_map_filters_do_not_accept_string_functions()
    {
        Assert.False(FilterParser.TryParse("contains(name,'x')", out _, out var error));

        Assert.Equal(9, error!.Position);
    }

    [Fact]
    public void A_field_named_like_a_function_is_still_a_field_when_no_parenthesis_follows()
    {
        var comparison = Assert.IsType<ComparisonExpression>(FilterParser.Parse("contains eq 'x'", Functions));

        Assert.Equal("contains", Assert.IsType<FieldReference>(comparison.Left).Name);
    }

    [Theory]
    [InlineData("contains(name,5)", 15, "a string literal as the second argument of contains")]
    [InlineData("contains('x',name)", 10, "a field as the first argument of contains")]
    [InlineData("contains(name 'x')", 15, "',' after the field of contains")]
    [InlineData("contains(name,'x'", 18, "')' to close contains")]
    [InlineData("endswith(name,'x)", 15, "a string literal as the second argument of endswith")]
    public void A_malformed_call_is_refused_with_position_and_expectation(string filter, int position, string expected)
    {
        Assert.False(FilterParser.TryParse(filter, Functions, out _, out var error));

        Assert.Equal(position, error!.Position);
        Assert.Equal(expected, error.Expected);
    }

    [Fact]
    public void A_call_prints_back_as_it_parses()
    {
        const string Text = "not contains(name,'O''Neil') or endswith(code,'1')";

        Assert.Equal(Text, FilterPrinter.Print(FilterParser.Parse(Text, Functions)));
    }

    [Fact]
    public void The_field_of_a_call_is_listed_among_the_filter_fields()
    {
        var expression = new FilterExpression(FilterParser.Parse("startswith(code,'A') and name eq 'x'", Functions));

        Assert.Equal(new[] { "code", "name" }, expression.FieldNames);
    }

    [Theory]
    [InlineData("contains(name,'ont')", "Contoso", true)]
    [InlineData("contains(name,'ONT')", "Contoso", false)]
    [InlineData("startswith(name,'Con')", "Contoso", true)]
    [InlineData("endswith(name,'oso')", "Contoso", true)]
    [InlineData("endswith(name,'Con')", "Contoso", false)]
    [InlineData("contains(name,'x')", null, false)]
    [InlineData("not contains(name,'x')", null, false)]
    public void Calls_evaluate_ordinally_and_a_null_field_is_unknown(string filter, string? name, bool expected)
    {
        var values = new Dictionary<string, object?> { ["name"] = name };

        Assert.Equal(expected, FilterEvaluator.Evaluate(FilterParser.Parse(filter, Functions), f => values[f]));
    }
}
