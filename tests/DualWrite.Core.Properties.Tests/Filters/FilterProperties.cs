using System.Collections.Generic;
using System.Linq;
using CsCheck;
using DualWrite.Core.Filters;

namespace DualWrite.Core.Properties.Tests.Filters;

/// <summary>
/// Core's FilterParser and FilterEvaluator agree with a plain reference evaluation on random filters and
/// records, and FilterPrinter's canonical text means the same as the text it was parsed from.
/// </summary>
public class FilterProperties
{
    private static readonly Gen<(ReferenceFilter, uint, IReadOnlyDictionary<string, object?>[])> Cases =
        Gen.Select(FilterGenerators.Filter, Gen.UInt, FilterGenerators.Record.Array[1, 12]);

    [Fact]
    public void Parsing_then_evaluating_agrees_with_the_reference_evaluation()
    {
        Cases.Sample(
            (filter, spacingSeed, records) =>
            {
                var text = Render(filter, spacingSeed);
                var parsed = FilterParser.Parse(text);
                foreach (var record in records)
                {
                    var expected = filter.Evaluate(record) == true;
                    Assert.True(expected == FilterEvaluator.Evaluate(parsed, f => record[f]), "'" + text + "' on " + Describe(record) + ": expected " + expected);
                }
            },
            iter: 2000,
            print: c => Render(c.Item1, c.Item2) + " | " + string.Join(" | ", c.Item3.Select(Describe)));
    }

    [Fact]
    public void Printed_filters_parse_back_to_the_same_meaning()
    {
        Cases.Sample(
            (filter, spacingSeed, records) =>
            {
                var parsed = FilterParser.Parse(Render(filter, spacingSeed));
                var printed = FilterPrinter.Print(parsed);
                var reparsed = FilterParser.Parse(printed);
                Assert.Equal(printed, FilterPrinter.Print(reparsed));
                foreach (var record in records)
                {
                    Assert.True(FilterEvaluator.Evaluate(parsed, f => record[f]) == FilterEvaluator.Evaluate(reparsed, f => record[f]), "'" + printed + "' on " + Describe(record));
                }
            },
            iter: 1000,
            print: c => Render(c.Item1, c.Item2));
    }

    private static string Render(ReferenceFilter filter, uint seed)
    {
        var state = seed;
        string[] separators = [" ", "  ", "\t", "\r\n", " \n"];
        return filter.Render(0, () =>
        {
            state = (state * 1103515245) + 12345;
            return separators[(state >> 16) % (uint)separators.Length];
        });
    }

    private static string Describe(IReadOnlyDictionary<string, object?> record) =>
        string.Join(", ", record.Select(f => f.Key + "=" + (f.Value is null ? "null" : ReferenceComparison.LiteralText(f.Value))));
}
