using System;
using System.Text;
using DualWrite.Core.Json;

namespace DualWrite.Core.Tests.Json;

public class JsonRoundTripTests
{
    [Fact]
    public void Parsing_what_was_written_gives_back_an_equal_document_for_thousands_of_random_documents()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 2000; i++)
        {
            var node = RandomNode(random, 0);
            var indented = i % 2 == 0;

            var text = JsonWriter.Write(node, indented);
            var back = JsonParser.Parse(text);

            Assert.True(JsonNode.DeepEquals(node, back), $"case {i}: {text}");
            Assert.Equal(text, JsonWriter.Write(back, indented));
        }
    }

    [Fact]
    public void Deep_equality_compares_numbers_by_value_and_ignores_positions()
    {
        Assert.True(JsonNode.DeepEquals(JsonParser.Parse("[1.0, {\"a\":1e2}]"), JsonParser.Parse("\n[1, {\"a\":100}]")));
        Assert.False(JsonNode.DeepEquals(JsonParser.Parse("{\"a\":1,\"b\":2}"), JsonParser.Parse("{\"b\":2,\"a\":1}")));
        Assert.False(JsonNode.DeepEquals(JsonParser.Parse("\"1\""), JsonParser.Parse("1")));
    }

    private static JsonNode RandomNode(Random random, int depth)
    {
        var kind = depth >= 4 ? random.Next(2, 6) : random.Next(0, 6);
        switch (kind)
        {
            case 0:
                {
                    var o = new JsonObject();
                    var count = random.Next(0, 5);
                    for (var i = 0; i < count; i++)
                    {
                        o.Set(RandomString(random), RandomNode(random, depth + 1));
                    }

                    return o;
                }

            case 1:
                {
                    var a = new JsonArray();
                    var count = random.Next(0, 5);
                    for (var i = 0; i < count; i++)
                    {
                        a.Add(RandomNode(random, depth + 1));
                    }

                    return a;
                }

            case 2:
                return new JsonString(RandomString(random));
            case 3:
                return random.Next(3) switch
                {
                    0 => JsonNumber.FromInt64(((long)random.Next() << 32) - random.Next()),
                    1 => JsonNumber.FromDecimal(new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, (byte)random.Next(0, 29))),
                    _ => JsonNumber.FromDouble((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300))),
                };
            case 4:
                return new JsonBoolean(random.Next(2) == 0);
            default:
                return JsonNull.Instance;
        }
    }

    private static string RandomString(Random random)
    {
        var sb = new StringBuilder();
        var length = random.Next(0, 12);
        for (var i = 0; i < length; i++)
        {
            switch (random.Next(6))
            {
                case 0: sb.Append((char)random.Next(0, 0x20)); break;
                case 1: sb.Append("\"\\/\u2028\u2029"[random.Next(5)]); break;
                case 2: sb.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000))); break;
                case 3: sb.Append((char)random.Next(0xD800, 0xE000)); break; // unpaired surrogates too
                default: sb.Append((char)random.Next(0x20, 0x7F)); break;
            }
        }

        return sb.ToString();
    }
}
