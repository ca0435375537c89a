using System;
using DualWrite.Core.Filters;

namespace DualWrite.Core.Tests.Filters;

public class FilterPrinterTests
{
    [Theory]
    [InlineData("PartyType   eq  'Organization'", "PartyType eq 'Organization'")]
    [InlineData("(a eq 1 or b eq 2) and c eq 3", "(a eq 1 or b eq 2) and c eq 3")]
    [InlineData("a eq 1 or (b eq 2 and c eq 3)", "a eq 1 or b eq 2 and c eq 3")]
    [InlineData("a eq 1 or (b eq 2 or c eq 3)", "a eq 1 or (b eq 2 or c eq 3)")]
    [InlineData("((a eq 1))", "a eq 1")]
    [InlineData("not a eq 1", "not (a eq 1)")]
    [InlineData("not(IsBlocked)", "not IsBlocked")]
    [InlineData("Name eq 'O''Neil'", "Name eq 'O''Neil'")]
    [InlineData("t gt 2024-05-01T15:45:00+02:00", "t gt 2024-05-01T13:45:00Z")]
    [InlineData("x eq Microsoft.Dynamics.DataEntities.NoYes'Yes'", "x eq Microsoft.Dynamics.DataEntities.NoYes'Yes'")]
    [InlineData("customertypecode eq 3 and statecode ne null", "customertypecode eq 3 and statecode ne null")]
    public void The_printer_writes_canonical_odata_text(string filter, string canonical)
    {
        Assert.Equal(canonical, FilterExpression.Parse(filter).ToODataString());
    }

    [Fact]
    public void The_query_form_is_percent_encoded()
    {
        Assert.Equal("Name%20eq%20'a%26b'", FilterExpression.Parse("Name eq 'a&b'").ToQueryValue());
    }

    [Fact]
    public void Printing_then_parsing_gives_the_same_tree_for_thousands_of_random_filters()
    {
        var random = new Random(4242);
        for (var i = 0; i < 2000; i++)
        {
            var node = RandomFilters.Node(random, 0);
            var text = FilterPrinter.Print(node);

            var reparsed = FilterParser.Parse(text);

            Assert.True(RandomFilters.SameTree(node, reparsed), $"case {i}: {text} → {FilterPrinter.Print(reparsed)}");
        }
    }
}
