using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using DualWrite.Corpus.Tests.Maps;
using DualWrite.Corpus.Tests.Support;
using DualWrite.Listener.Commands;

namespace DualWrite.Corpus.Tests.Cli;

/// <summary>
/// Each case of tests/corpus/cli run through the <c>dualwrite</c> command line as its Main runs it: the documented exit
/// code, standard error naming the bad argument or option, no map state changed on the running listener (for
/// <c>--url</c> cases), and a good event still flowing afterwards.
/// </summary>
[Collection(CorpusSystemCollection.Name)]
public sealed class CliCorpusTests(CorpusSystem system)
{
    public static TheoryData<string> Cases => CorpusCase.Names("cli");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_command_line_exits_with_the_documented_code_and_names_what_was_wrong(string name)
    {
        var corpusCase = CorpusCase.Load("cli", name);
        using var data = new TemporaryFolder();
        var args = corpusCase.Input["args"]!.AsArray().Select(a => Expand(a!.GetValue<string>(), data.Path)).ToArray();
        var before = await system.AdminStateAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLineInvocation.InvokeAsync(args, output, error);
        var after = await system.AdminStateAsync();
        await system.RestoreMapsAsync();

        var text = output + Environment.NewLine + error;
        Assert.True(corpusCase.Expect["exitCode"]!.GetValue<int>() == exitCode, corpusCase + Environment.NewLine + "exit " + exitCode + ": " + text);
        MessageAssert.ContainsAll(corpusCase, text);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.Equal(before, after);
        if (corpusCase.Input["checkFlow"]?.GetValue<bool>() == true)
        {
            await system.AssertGoodRecordFlowsAsync(corpusCase.ToString());
        }
    }

    private string Expand(string arg, string dataDirectory) => arg
        .Replace("{url}", system.Http.BaseAddress!.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal)
        .Replace("{key}", CorpusSystem.AdminKey, StringComparison.Ordinal)
        .Replace("{data}", dataDirectory, StringComparison.Ordinal)
        .Replace("{maps}", StandardMetadata.MapsDirectory, StringComparison.Ordinal)
        .Replace("{fno}", StandardMetadata.FinOpsPath, StringComparison.Ordinal)
        .Replace("{dataverse}", StandardMetadata.DataversePath, StringComparison.Ordinal);
}
