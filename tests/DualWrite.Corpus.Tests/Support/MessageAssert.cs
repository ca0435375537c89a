using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualWrite.Corpus.Tests.Support;

/// <summary>Checks that an error text names what was wrong: every expected fragment appears in it.</summary>
public static class MessageAssert
{
    public static void ContainsAll(CorpusCase corpusCase, IEnumerable<string> fragments, string actual)
    {
        var readable = actual + Environment.NewLine + Decoded(actual);
        var missing = fragments.Where(f => !readable.Contains(f, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, corpusCase + Environment.NewLine + "missing: " + string.Join(" | ", missing) + Environment.NewLine + "actual: " + actual);
    }

    public static void ContainsAll(CorpusCase corpusCase, string actual) => ContainsAll(corpusCase, corpusCase.ExpectedMessages, actual);

    /// <summary>A JSON answer's strings as a reader sees them (quotes unescaped), one per line; empty when not JSON.</summary>
    private static string Decoded(string text)
    {
        try
        {
            return string.Join(Environment.NewLine, Strings(JsonNode.Parse(text)));
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
