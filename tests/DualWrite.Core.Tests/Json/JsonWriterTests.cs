using DualWrite.Core.Json;

namespace DualWrite.Core.Tests.Json;

public class JsonWriterTests
{
    [Fact]
    public void Compact_output_has_no_whitespace_and_keeps_property_order()
    {
        var o = new JsonObject();
        o.Add("z", new JsonString("last?"));
        o.Add("a", new JsonArray { });
        o.Add("n", JsonNumber.FromDecimal(12.50m));
        o.Add("t", JsonBoolean.True);
        o.Add("x", JsonNull.Instance);

        Assert.Equal("{\"z\":\"last?\",\"a\":[],\"n\":12.50,\"t\":true,\"x\":null}", JsonWriter.Write(o));
    }

    [Fact]
    public void Indented_output_uses_two_spaces_and_line_feeds()
    {
        var node = JsonParser.Parse("{\"a\":[1,{}],\"b\":{\"c\":null}}");

        Assert.Equal("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": {\n    \"c\": null\n  }\n}", JsonWriter.Write(node, indented: true));
    }

    [Fact]
    public void Strings_escape_quotes_backslashes_controls_line_separators_and_unpaired_surrogates()
    {
        var text = JsonWriter.Write(new JsonString("\"\\/\b\f\n\r\t\u0001\u001f\u007f\u2028\u2029é😀\uDC00"));

        Assert.Equal("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\\u2028\\u2029é😀\\udc00\"", text);
    }

    [Fact]
    public void Numbers_are_written_exactly_as_held()
    {
        Assert.Equal("[1E+400,-0.000,9223372036854775807,0.1]", JsonWriter.Write(new JsonArray(new JsonNode[]
        {
            new JsonNumber("1E+400"), new JsonNumber("-0.000"), JsonNumber.FromInt64(long.MaxValue), JsonNumber.FromDouble(0.1),
        })));
    }

    [Theory]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData(" 1")]
    [InlineData("NaN")]
    [InlineData("0x10")]
    public void A_number_cannot_be_built_from_text_outside_the_json_grammar(string raw)
    {
        Assert.Throws<System.ArgumentException>(() => new JsonNumber(raw));
    }

    [Fact]
    public void NaN_has_no_json_form()
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => JsonNumber.FromDouble(double.NaN));
    }

    [Fact]
    public void Set_replaces_a_value_in_place_and_add_refuses_a_duplicate()
    {
        var o = new JsonObject();
        o.Add("a", JsonNumber.FromInt64(1));
        o.Add("b", JsonNumber.FromInt64(2));
        o.Set("a", JsonNumber.FromInt64(3));
        o.Set("c", JsonNumber.FromInt64(4));

        Assert.Equal("{\"a\":3,\"b\":2,\"c\":4}", o.ToString());
        Assert.Throws<System.ArgumentException>(() => o.Add("b", JsonNull.Instance));
        Assert.True(o.Remove("a"));
        Assert.Equal("{\"b\":2,\"c\":4}", o.ToString());
        Assert.Equal(4L, ((JsonNumber)o["c"]!).TryGetInt64(out var c) ? c : -1);
    }
}
