using System;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Tests.Keys;

public class ODataKeyParserTests
{
    [Fact]
    public void A_compound_key_parses_into_named_typed_parts_in_order()
    {
        var path = ODataKeyParser.ParseEntityPath("CustomersV3(dataAreaId='usmf',CustomerAccount='O''Neil%2F1',Blocked=Microsoft.Dynamics.DataEntities.NoYes'No',Line=3)");

        Assert.Equal("CustomersV3", path.EntitySet);
        Assert.Collection(
            path.Key.Parts,
            p => Assert.Equal(("dataAreaId", (object)"usmf"), (p.Name, p.Value)),
            p => Assert.Equal(("CustomerAccount", (object)"O'Neil/1"), (p.Name, p.Value)),
            p => Assert.Equal(("Blocked", (object)ODataEnumValue.ForFinOps("NoYes", "No")), (p.Name, p.Value)),
            p => Assert.Equal(("Line", (object)3L), (p.Name, p.Value)));
    }

    [Fact]
    public void An_unnamed_guid_key_parses()
    {
        var key = ODataKeyParser.ParsePredicate("(00000000-0000-0000-0000-000000000001)");

        Assert.True(key.IsUnnamed);
        Assert.Equal(new Guid("00000000-0000-0000-0000-000000000001"), key.Parts[0].Value);
    }

    [Fact]
    public void A_decoded_predicate_reads_a_percent_sign_as_itself()
    {
        var key = ODataKeyParser.ParseDecodedPredicate("(accountnumber='50%25 off',code='O''Neil')");

        Assert.Equal("50%25 off", key.Parts[0].Value);
        Assert.Equal("O'Neil", key.Parts[1].Value);
    }

    [Fact]
    public void A_bind_reference_with_its_leading_slash_parses()
    {
        var path = ODataKeyParser.ParseEntityPath("/msdyn_customergroups(msdyn_groupid='10')");

        Assert.Equal("msdyn_customergroups", path.EntitySet);
        Assert.Equal("10", path.Key.Parts[0].Value);
    }

    [Fact]
    public void Percent_encoded_quotes_count_as_quotes_as_the_abnf_allows()
    {
        var key = ODataKeyParser.ParsePredicate("(name=%27a%27%27b%27)");

        Assert.Equal("a'b", key.Parts[0].Value);
    }

    [Theory]
    [InlineData("name='a'", 1, "expected '(' to start the key but found 'n'")]
    [InlineData("(name='a'", 10, "expected ')' after the value of 'name'")]
    [InlineData("(name='a',)", 11, "expected a key property name but found ')'")]
    [InlineData("(name=)", 7, "expected the value of 'name' but")]
    [InlineData("(name='a)", 7, "closing quote")]
    [InlineData("(a=1,a=2)", 6, "the key property 'a' appears twice")]
    [InlineData("(a=null)", 4, "key values cannot be null")]
    [InlineData("(a=1)x", 6, "expected the end of the key after ')' but found 'x'")]
    [InlineData("(a=Yes)", 4, "'Yes' is not a literal")]
    public void Malformed_predicates_are_refused_with_position_and_expectation(string text, int position, string reason)
    {
        var error = Assert.Throws<ODataKeyParseException>(() => ODataKeyParser.ParsePredicate(text));

        Assert.Equal(position, error.Position);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_percent_encoding_is_a_parse_error()
    {
        Assert.Throws<ODataKeyParseException>(() => ODataKeyParser.ParsePredicate("(a='%ZZ')"));
        Assert.False(ODataKeyParser.TryParsePredicate("(a='%C3')", out _, out var error));
        Assert.Contains("UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_entity_set_name_is_reported()
    {
        var error = Assert.Throws<ODataKeyParseException>(() => ODataKeyParser.ParseEntityPath("/(a=1)"));

        Assert.Contains("expected an entity set name", error.Message, StringComparison.Ordinal);
    }
}
