using System.Linq;
using DualWrite.Core.Json;

namespace DualWrite.Core.Tests.Json;

public class JsonParserTests
{
    [Fact]
    public void An_object_keeps_its_properties_in_document_order()
    {
        var node = (JsonObject)JsonParser.Parse("{\"b\":1,\"a\":2,\"c\":3}");

        Assert.Equal(new[] { "b", "a", "c" }, node.Properties.Select(p => p.Key));
    }

    [Fact]
    public void The_indexer_returns_null_for_a_missing_property_and_the_value_for_a_present_one()
    {
        var node = (JsonObject)JsonParser.Parse("{\"a\":null}");

        Assert.Null(node["missing"]);
        Assert.Equal(JsonNodeKind.Null, node["a"]!.Kind);
        Assert.False(node.TryGetValue("missing", out _));
    }

    [Fact]
    public void Every_kind_of_value_is_read()
    {
        var node = (JsonArray)JsonParser.Parse(" [ {}, [], \"s\", -1.5e3, true, false, null ] ");

        Assert.Equal(
            new[] { JsonNodeKind.Object, JsonNodeKind.Array, JsonNodeKind.String, JsonNodeKind.Number, JsonNodeKind.Boolean, JsonNodeKind.Boolean, JsonNodeKind.Null },
            node.Items.Select(i => i.Kind));
        Assert.False(((JsonBoolean)node.Items[5]).Value);
    }

    [Fact]
    public void Numbers_keep_their_exact_text_and_convert_without_passing_through_double()
    {
        var node = (JsonArray)JsonParser.Parse("[12345678901234567890.123456789, 9007199254740993, 1.50, 1e2]");

        var big = (JsonNumber)node.Items[0];
        Assert.Equal("12345678901234567890.123456789", big.RawText);
        Assert.Equal(12345678901234567890.123456789m, big.ToDecimal());
        Assert.True(((JsonNumber)node.Items[1]).TryGetInt64(out var id));
        Assert.Equal(9007199254740993L, id);
        Assert.Equal("1.50", ((JsonNumber)node.Items[2]).RawText);
        Assert.True(((JsonNumber)node.Items[3]).TryGetInt64(out var hundred));
        Assert.Equal(100L, hundred);
        Assert.Equal(100d, ((JsonNumber)node.Items[3]).ToDouble());
    }

    [Fact]
    public void A_fraction_is_not_an_int64()
    {
        var number = (JsonNumber)JsonParser.Parse("1.5");

        Assert.False(number.TryGetInt64(out _));
    }

    [Fact]
    public void String_escapes_including_surrogate_pairs_are_decoded()
    {
        var node = (JsonString)JsonParser.Parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\uD83D\\uDE00 \\u2028\"");

        Assert.Equal("q\" b\\ s/ \b\f\n\r\t é 😀 \u2028", node.Value);
    }

    [Fact]
    public void Positions_are_one_based_lines_and_columns()
    {
        var node = (JsonObject)JsonParser.Parse("{\n  \"a\": [1,\r\n    true]\n}");
        var array = (JsonArray)node["a"]!;

        Assert.Equal((1, 1), (node.Line, node.Column));
        Assert.Equal((2, 8), (array.Line, array.Column));
        Assert.Equal((2, 9), (array.Items[0].Line, array.Items[0].Column));
        Assert.Equal((3, 5), (array.Items[1].Line, array.Items[1].Column));
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}", 1, 8, "duplicate property name \"a\"")]
    [InlineData("{\"a\" 1}", 1, 6, "expected ':' after the property name \"a\" but found '1'")]
    [InlineData("{\"a\":1,}", 1, 8, "expected a property name in double quotes but found '}'")]
    [InlineData("[1,]", 1, 4, "expected an array item but found ']'")]
    [InlineData("[1 2]", 1, 4, "expected ',' or ']' after an array item but found '2'")]
    [InlineData("", 1, 1, "expected a JSON value but found the end of the input")]
    [InlineData("{\"a\":1} x", 1, 9, "expected the end of the input after the top-level value but found 'x'")]
    [InlineData("\n  undefined", 2, 3, "expected a JSON value but found 'undefined'")]
    [InlineData("01", 1, 1, "expected a number (no leading zeros, no trailing characters) but found '01'")]
    [InlineData("[1.]", 1, 2, "expected a number")]
    [InlineData("-", 1, 1, "expected a number")]
    [InlineData("+1", 1, 1, "expected a JSON value but found '+1'")]
    [InlineData("\"a\tb\"", 1, 3, "control character U+0009")]
    [InlineData("\"\\x\"", 1, 3, "found 'x'")]
    [InlineData("\"\\u12G4\"", 1, 6, "expected four hex digits after \\u but found 'G'")]
    [InlineData("\"abc", 1, 5, "expected '\"' to close the string but found the end of the input")]
    [InlineData("[tru]", 1, 2, "expected an array item but found 'tru'")]
    [InlineData("nulls", 1, 1, "found 'nulls'")]
    [InlineData("{'a':1}", 1, 2, "expected a property name in double quotes but found '''")]
    [InlineData("[1] // comment", 1, 5, "found '/'")]
    public void Malformed_input_is_refused_with_its_position_and_what_was_expected(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<JsonParseException>(() => JsonParser.Parse(text));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Message, System.StringComparison.Ordinal);
        Assert.StartsWith($"Invalid JSON at line {line}, column {column}: ", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused_rather_than_overflowing_the_stack()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);

        var error = Assert.Throws<JsonParseException>(() => JsonParser.Parse(deep));

        Assert.Contains("limit of 64", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(65, error.Column);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        var text = new string('[', 64) + new string(']', 64);

        Assert.Equal(JsonNodeKind.Array, JsonParser.Parse(text).Kind);
    }

    [Fact]
    public void A_leading_byte_order_mark_is_ignored()
    {
        Assert.Equal(JsonNodeKind.Object, JsonParser.Parse("\uFEFF{}").Kind);
    }

    [Fact]
    public void Escaped_unpaired_surrogates_are_kept_because_the_grammar_allows_them()
    {
        Assert.Equal("\uD800x", ((JsonString)JsonParser.Parse("\"\\ud800x\"")).Value);
    }
}
