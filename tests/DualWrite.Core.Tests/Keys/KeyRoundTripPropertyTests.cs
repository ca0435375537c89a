using System;
using System.Collections.Generic;
using System.Text;
using DualWrite.Core.Keys;

namespace DualWrite.Core.Tests.Keys;

/// <summary>
/// Format → parse must give back the same key for any value. A small seeded generator (FsCheck/CsCheck
/// are not restorable here): deterministic, so a failure names its case and reproduces.
/// </summary>
public class KeyRoundTripPropertyTests
{
    private const int Seed = 8259;
    private const string Hostile = "'\"/?#%+& =,;:@!$*()[]{}<>\\^`|~.-_\t\r\n\0";

    public static TheoryData<string> HostileStrings => new()
    {
        "",
        "'",
        "''",
        "'''",
        "O'Neil",
        "a/b",
        "a?b=c&d=e",
        "#frag",
        "100%",
        "%25",
        "%",
        "a+b",
        "a b",
        "  ",
        "a,b=c)",
        "(x)",
        "ünïcødé",
        "日本語",
        "😀🏳️‍🌈",
        "\U0001D11E",
        "null",
        "true",
        "00000000-0000-0000-0000-000000000001",
        "2024-01-01",
        "Microsoft.Dynamics.DataEntities.NoYes'Yes'",
        "\\",
        "\u2028\u00A0\uFEFF",
        new string('x', 5000),
        new string('\'', 300),
        string.Concat(System.Linq.Enumerable.Repeat("/?#%😀'", 500)),
    };

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void A_hostile_string_survives_a_single_part_key_round_trip(string value)
    {
        var key = ODataKey.Named("CustomerAccount", value);

        var predicate = key.ToPredicate();
        var back = ODataKeyParser.ParsePredicate(predicate);

        AssertNoRawDelimiters(predicate);
        Assert.Equal(value, back.Parts[0].Value);
        Assert.Equal("CustomerAccount", back.Parts[0].Name);
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void A_hostile_string_survives_a_multi_part_key_round_trip_as_every_part(string value)
    {
        var key = ODataKey.Named(new[]
        {
            new KeyValuePair<string, object>("dataAreaId", value),
            new KeyValuePair<string, object>("Account", value + "'"),
            new KeyValuePair<string, object>("Line", 1L),
        });

        var back = ODataKeyParser.ParseEntityPath(ODataKeyFormatter.EntityPath("SalesOrderLines", key));

        Assert.Equal("SalesOrderLines", back.EntitySet);
        Assert.Equal(value, back.Key.Parts[0].Value);
        Assert.Equal(value + "'", back.Key.Parts[1].Value);
        Assert.Equal(1L, back.Key.Parts[2].Value);
    }

    [Fact]
    public void Thousands_of_random_keys_survive_format_then_parse()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 3000; i++)
        {
            var key = RandomKey(random);
            var predicate = key.ToPredicate();

            ODataKey back;
            try
            {
                back = ODataKeyParser.ParsePredicate(predicate);
            }
            catch (ODataKeyParseException ex)
            {
                throw new InvalidOperationException($"case {i} (seed {Seed}): {key} → {predicate}: {ex.Message}", ex);
            }

            AssertNoRawDelimiters(predicate);
            Assert.Equal(key.Parts.Count, back.Parts.Count);
            for (var p = 0; p < key.Parts.Count; p++)
            {
                Assert.Equal(key.Parts[p].Name, back.Parts[p].Name);
                Assert.True(
                    Equals(KeyValues.Normalize(key.Parts[p].Value), KeyValues.Normalize(back.Parts[p].Value)),
                    $"case {i} (seed {Seed}), part {p}: {key} → {predicate} → {back}");
            }

            // Canonical: formatting what was parsed gives the same text.
            Assert.Equal(predicate, back.ToPredicate());
        }
    }

    /// <summary>Only the delimiters we write may appear raw; everything else from values is escaped.</summary>
    private static void AssertNoRawDelimiters(string predicate)
    {
        foreach (var c in predicate)
        {
            Assert.True(
                ODataUrlEncoding.IsUnreserved(c) || c == '%' || c == '\'' || c == '(' || c == ')' || c == ',' || c == '=',
                $"raw '{c}' in {predicate}");
        }
    }

    private static ODataKey RandomKey(Random random)
    {
        if (random.Next(8) == 0)
        {
            return ODataKey.Unnamed(RandomValue(random));
        }

        var count = random.Next(1, 5);
        var parts = new List<KeyValuePair<string, object>>();
        for (var i = 0; i < count; i++)
        {
            parts.Add(new KeyValuePair<string, object>("k" + i + RandomName(random), RandomValue(random)));
        }

        return ODataKey.Named(parts);
    }

    private static string RandomName(Random random)
    {
        const string chars = "abcXYZ_019";
        var sb = new StringBuilder();
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            sb.Append(chars[random.Next(chars.Length)]);
        }

        return sb.ToString();
    }

    private static object RandomValue(Random random)
    {
        switch (random.Next(10))
        {
            case 0:
                {
                    var bytes = new byte[16];
                    random.NextBytes(bytes);
                    return new Guid(bytes);
                }

            case 1:
                return ((long)random.Next() << 32 | (uint)random.Next()) * (random.Next(2) == 0 ? -1 : 1);
            case 2:
                return new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, (byte)random.Next(0, 29));
            case 3:
                return random.Next(2) == 0;
            case 4:
                return new DateTimeOffset(new DateTime(random.Next(1, 9999), random.Next(1, 13), random.Next(1, 29), random.Next(24), random.Next(60), random.Next(60)).AddTicks(random.Next(10_000_000)), TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60)));
            case 5:
                return new ODataDate(random.Next(1, 9999), random.Next(1, 13), random.Next(1, 29));
            case 6:
                return ODataEnumValue.ForFinOps("E" + RandomName(random), RandomString(random));
            default:
                return RandomString(random);
        }
    }

    private static string RandomString(Random random)
    {
        var sb = new StringBuilder();
        var length = random.Next(0, 3) == 0 ? random.Next(0, 300) : random.Next(0, 12);
        for (var i = 0; i < length; i++)
        {
            switch (random.Next(5))
            {
                case 0: sb.Append(Hostile[random.Next(Hostile.Length)]); break;
                case 1: sb.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000))); break;
                case 2: sb.Append((char)random.Next(0x80, 0xD800)); break;
                default: sb.Append((char)random.Next(0x20, 0x7F)); break;
            }
        }

        return sb.ToString();
    }
}
