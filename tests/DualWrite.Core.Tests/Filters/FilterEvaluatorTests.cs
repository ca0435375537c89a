using System;
using System.Collections.Generic;
using DualWrite.Core.Filters;

namespace DualWrite.Core.Tests.Filters;

public class FilterEvaluatorTests
{
    private static bool Matches(string filter, Dictionary<string, object?> record) =>
        FilterExpression.Parse(filter).Evaluate(f => record.TryGetValue(f, out var v) ? v : null);

    private static Dictionary<string, object?> Record(params (string Name, object? Value)[] fields)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            d[name] = value;
        }

        return d;
    }

    [Fact]
    public void The_customer_source_filter_matches_organizations_by_plain_string_or_enum_literal()
    {
        var organization = Record(("PartyType", "Organization"));
        var person = Record(("PartyType", "Person"));

        Assert.True(Matches("PartyType eq 'Organization'", organization));
        Assert.False(Matches("PartyType eq 'Organization'", person));
        Assert.True(Matches("PartyType eq Microsoft.Dynamics.DataEntities.PartyType'Organization'", organization));
        Assert.True(Matches("PartyType ne Microsoft.Dynamics.DataEntities.PartyType'Organization'", person));
    }

    [Fact]
    public void The_dataverse_filter_compares_an_int_choice_with_a_number()
    {
        Assert.True(Matches("customertypecode eq 3", Record(("customertypecode", 3))));
        Assert.False(Matches("customertypecode eq 3", Record(("customertypecode", 4))));
    }

    [Fact]
    public void Eq_null_is_true_only_for_null_and_ne_null_only_for_a_value()
    {
        var empty = Record(("x", null));
        var full = Record(("x", "v"));

        Assert.True(Matches("x eq null", empty));
        Assert.False(Matches("x eq null", full));
        Assert.False(Matches("x ne null", empty));
        Assert.True(Matches("x ne null", full));
        Assert.True(Matches("null eq null", empty));
    }

    [Theory]
    [InlineData("x gt 1")]
    [InlineData("x ge 1")]
    [InlineData("x lt 1")]
    [InlineData("x le 1")]
    [InlineData("x eq 1")]
    public void Ordering_and_equality_with_a_null_side_are_false(string filter)
    {
        Assert.False(Matches(filter, Record(("x", null))));
    }

    [Fact]
    public void Numbers_compare_by_value_across_int_long_decimal_and_double()
    {
        var record = Record(("i", 5), ("l", 5L), ("m", 5.00m), ("d", 5.5d));

        Assert.True(Matches("i eq 5.0 and l eq 5 and m eq 5 and d gt 5 and d lt 6 and d eq 5.5", record));
        Assert.True(Matches("i eq l and l eq m and m lt d", record));
        Assert.True(Matches("m ge 4.999999999999999999999999999", record));
    }

    [Fact]
    public void Strings_compare_ordinally()
    {
        var record = Record(("s", "a"));

        Assert.True(Matches("s gt 'A'", record));
        Assert.False(Matches("s eq 'A'", record));
        Assert.True(Matches("s lt 'b'", record));
    }

    [Fact]
    public void Instants_compare_across_datetime_and_offsets()
    {
        var record = Record(
            ("utc", new DateTime(2024, 5, 1, 13, 45, 0, DateTimeKind.Utc)),
            ("unspecified", new DateTime(2024, 5, 1, 13, 45, 0, DateTimeKind.Unspecified)),
            ("offset", new DateTimeOffset(2024, 5, 1, 15, 45, 0, TimeSpan.FromHours(2))));

        Assert.True(Matches("utc eq 2024-05-01T13:45:00Z and unspecified eq 2024-05-01T13:45:00Z and offset eq 2024-05-01T13:45:00Z", record));
        Assert.True(Matches("utc lt 2024-05-01T13:45:00.0000001Z and offset eq utc", record));
        Assert.True(Matches("utc ge 2024-05-01 and utc lt 2024-05-02", record));
    }

    [Fact]
    public void Guids_compare_with_guids_and_their_text()
    {
        var id = Guid.Parse("6a3c1f9e-0000-4000-8000-000000000001");
        var record = Record(("id", id), ("text", "6A3C1F9E-0000-4000-8000-000000000001"));

        Assert.True(Matches("id eq 6a3c1f9e-0000-4000-8000-000000000001 and text eq id", record));
    }

    [Fact]
    public void And_or_not_follow_three_valued_logic()
    {
        var record = Record(("flag", null), ("on", true), ("off", false));

        Assert.True(Matches("on", record));
        Assert.False(Matches("off", record));
        Assert.False(Matches("flag", record));
        Assert.False(Matches("not flag", record));
        Assert.True(Matches("flag or on", record));
        Assert.False(Matches("flag and on", record));
        Assert.True(Matches("not (flag and off)", record));
        Assert.True(Matches("not off and (on or flag)", record));
    }

    [Fact]
    public void Comparing_text_with_a_number_is_an_error_naming_the_field()
    {
        var ex = Assert.Throws<FilterEvaluationException>(() => Matches("Name gt 5", Record(("Name", "abc"))));

        Assert.Contains("the field 'Name' (String 'abc')", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Int64 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_boolean_field_used_as_a_condition_is_an_error()
    {
        var ex = Assert.Throws<FilterEvaluationException>(() => Matches("Name and a eq 1", Record(("Name", "abc"))));

        Assert.Contains("'Name'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluation_short_circuits_so_later_fields_are_not_read()
    {
        var read = new List<string>();
        var e = FilterExpression.Parse("a eq 1 and b eq 2");

        var result = e.Evaluate(f =>
        {
            read.Add(f);
            return 0;
        });

        Assert.False(result);
        Assert.Equal(new[] { "a" }, read);
    }

    [Fact]
    public void A_string_rule_decides_string_comparisons_and_null_leaves_them_to_the_ordinal_default()
    {
        var node = FilterParser.Parse("Name eq 'CONTOSO' and not (City eq 'Paris')");
        var consulted = new List<string>();
        bool? IgnoreCaseForNamesOnly(ComparisonExpression c, string left, string right)
        {
            consulted.Add(left + "|" + right);
            return ((FieldReference)c.Left).Name == "Name" ? string.Equals(left, right, StringComparison.OrdinalIgnoreCase) : null;
        }

        object? Get(string field) => field == "Name" ? "contoso" : "paris";

        Assert.False(FilterEvaluator.Evaluate(node, Get));
        Assert.True(FilterEvaluator.Evaluate(node, Get, IgnoreCaseForNamesOnly));
        Assert.Equal(new[] { "contoso|CONTOSO", "paris|Paris" }, consulted);
    }
}
