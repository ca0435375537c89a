using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace DualWrite.Corpus.Tests.Support;

/// <summary>One case file of tests/corpus: its input and the outcome expected (format: tests/corpus/README.md).</summary>
public sealed class CorpusCase
{
    private CorpusCase(string family, string name, JsonObject root)
    {
        Family = family;
        Name = name;
        Description = root["description"]?.GetValue<string>() ?? throw new InvalidDataException(family + "/" + name + ": no description");
        Input = root["input"] as JsonObject ?? throw new InvalidDataException(family + "/" + name + ": no input object");
        Expect = root["expect"] as JsonObject ?? throw new InvalidDataException(family + "/" + name + ": no expect object");
    }

    public string Family { get; }

    public string Name { get; }

    public string Description { get; }

    public JsonObject Input { get; }

    public JsonObject Expect { get; }

    /// <summary>The message fragments the error must contain (each names what was wrong).</summary>
    public IReadOnlyList<string> ExpectedMessages =>
        Expect["messages"] is JsonArray messages ? messages.Select(m => m!.GetValue<string>()).ToList() : [];

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "corpus");

    public static CorpusCase Load(string family, string name)
    {
        var path = Path.Combine(Directory, family, name + ".json");
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException(path + " is not a JSON object");
        return new CorpusCase(family, name, root);
    }

    /// <summary>Every case name of a family, as theory data (one test per file).</summary>
    public static TheoryData<string> Names(string family)
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(Directory, family), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    public override string ToString() => Family + "/" + Name + ": " + Description;
}
