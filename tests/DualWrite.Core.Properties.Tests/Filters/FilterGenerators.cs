using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace DualWrite.Core.Properties.Tests.Filters;

/// <summary>
/// Records over six typed fields (string s, long n, decimal m, bool b, instant t, Guid g, each nullable) and
/// filters over them, drawn from small value sets so comparisons hit equal values often.
/// </summary>
internal static class FilterGenerators
{
    private static readonly Guid[] Guids = [Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("a0b1c2d3-e4f5-4607-8899-aabbccddeeff"), Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff")];

    private static readonly Gen<string> Ordered = Gen.OneOf("eq", "ne", "gt", "ge", "lt", "le");

    private static readonly Gen<string> Equality = Gen.OneOf("eq", "ne");

    private static readonly Gen<string> Text = Gen.Char["aAb' /%é😀"].Array[0, 3].Select(c => new string(c));

    private static readonly Gen<long> Long = Gen.Frequency((4, Gen.Long[-3, 3]), (1, Gen.Long));

    private static readonly Gen<decimal> Decimal = Gen.Int[-6, 6].Select(i => i / 2m);

    private static readonly Gen<DateTimeOffset> Instant = Gen.Int[0, 4].Select(h => new DateTimeOffset(2024, 5, 1, h, 0, 0, TimeSpan.Zero));

    private static readonly Gen<Guid> Guid_ = Gen.Int[0, Guids.Length - 1].Select(i => Guids[i]);

    public static Gen<IReadOnlyDictionary<string, object?>> Record =>
        Gen.Select(
            Nullable(Text.Select(s => (object)s)),
            Nullable(Long.Select(l => (object)l)),
            Nullable(Decimal.Select(m => (object)m)),
            Nullable(Gen.Bool.Select(b => (object)b)),
            Nullable(Instant.Select(t => (object)t)),
            Nullable(Guid_.Select(g => (object)g)),
            (s, n, m, b, t, g) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["s"] = s, ["n"] = n, ["m"] = m, ["b"] = b, ["t"] = t, ["g"] = g });

    public static Gen<ReferenceFilter> Filter => FilterOfDepth(0);

    /// <summary>One or more whitespace characters, as the grammar allows between tokens.</summary>
    public static Gen<string> Spacing { get; } = Gen.Char[" \t\r\n"].Array[1, 2].Select(c => new string(c));

    private static Gen<ReferenceFilter> FilterOfDepth(int depth)
    {
        if (depth >= 4)
        {
            return Comparison;
        }

        var inner = Gen.Const(() => FilterOfDepth(depth + 1)).SelectMany(g => g);
        return Gen.Frequency(
            (4, Comparison),
            (1, Gen.Const<ReferenceFilter>(new ReferenceBooleanField("b"))),
            (1, inner.Select(f => (ReferenceFilter)new ReferenceNot(f))),
            (1, inner.Select(f => (ReferenceFilter)new ReferenceParenthesised(f))),
            (3, Gen.Select(inner, Gen.Bool, inner, (l, and, r) => (ReferenceFilter)new ReferenceLogical(l, and, r))));
    }

    private static Gen<ReferenceFilter> Comparison => Gen.Int[0, 5].SelectMany(which => which switch
    {
        0 => Compare("s", Ordered, Text.Select(s => (object)s)),
        1 => Compare("n", Ordered, Gen.OneOf(Long.Select(l => (object)l), Decimal.Select(m => (object)m))),
        2 => Compare("m", Ordered, Gen.OneOf(Long.Select(l => (object)l), Decimal.Select(m => (object)m))),
        3 => Compare("b", Equality, Gen.Bool.Select(b => (object)b)),
        4 => Compare("t", Ordered, Instant.Select(t => (object)t)),
        _ => Compare("g", Equality, Guid_.Select(g => (object)g)),
    });

    private static Gen<ReferenceFilter> Compare(string field, Gen<string> op, Gen<object> literal) =>
        Gen.Select(op, Nullable(literal), Gen.Bool, (o, l, first) => (ReferenceFilter)new ReferenceComparison(field, o, l, first));

    private static Gen<object?> Nullable(Gen<object> value) => Gen.Frequency<object?>((1, Gen.Const<object?>(() => null)), (4, value.Select(v => (object?)v)));
}
