using System.IO;
using System.Linq;
using DualWrite.Corpus.Tests.Support;

namespace DualWrite.Corpus.Tests;

public sealed class CorpusSizeTests
{
    [Fact]
    public void The_corpus_holds_at_least_150_cases_and_every_entry_point_has_its_own()
    {
        string[] families = ["events", "maps", "plugin-config", "admin", "cli", "values"];
        var counts = families.ToDictionary(f => f, f => Directory.GetFiles(Path.Combine(CorpusCase.Directory, f), "*.json").Length);

        Assert.All(counts, pair => Assert.True(pair.Value > 0, pair.Key + " has no case"));
        Assert.True(counts.Values.Sum() >= 150, string.Join(", ", counts.Select(p => p.Key + "=" + p.Value)));
    }
}
