using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Corpus.Tests.Support;
using DualWrite.MapValidation.Validation;

namespace DualWrite.Corpus.Tests.Maps;

/// <summary>
/// Each case of tests/corpus/maps validated among the standard maps, as <c>dualwrite maps validate</c> does: every
/// expected issue reported with its code, field and message, no exception, and the standard maps beside it still clean.
/// Cases that carry their own metadata or choices run the whole validation runner over files.
/// </summary>
public sealed class MapCorpusTests
{
    public static TheoryData<string> Cases => CorpusCase.Names("maps");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_map_is_reported_by_file_map_field_and_rule_and_the_other_maps_stay_valid(string name)
    {
        var corpusCase = CorpusCase.Load("maps", name);
        var fileName = name + ".json";
        var mapText = corpusCase.Input["mapText"]?.GetValue<string>() ?? corpusCase.Input["map"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var issues = NeedsRunner(corpusCase.Input)
            ? await RunnerAsync(corpusCase.Input, fileName, mapText)
            : StandardMetadata.Validator.Validate([.. StandardMetadata.StandardMaps, new MapFile(fileName, mapText)]);
        var shown = string.Join(Environment.NewLine, issues.Select(i => i.ToString()));

        Assert.True(issues.Count > 0, corpusCase + ": no issue reported");
        foreach (var expected in corpusCase.Expect["issues"]!.AsArray().Select(e => e!.AsObject()))
        {
            var code = Enum.Parse<ValidationIssueCode>(expected["code"]!.GetValue<string>());
            var field = expected["field"]?.GetValue<string>();
            var message = expected["message"]?.GetValue<string>() ?? string.Empty;
            Assert.True(
                issues.Any(i => i.Code == code && (field is null || i.Field == field) && i.Message.Contains(message, StringComparison.Ordinal)),
                corpusCase + Environment.NewLine + "expected " + code + " " + field + " '" + message + "' among:" + Environment.NewLine + shown);
        }

        // Only the case's own file (or its metadata) is blamed: the standard maps beside it validate as before.
        // A ring of lookups ("file": "*") is reported on every map in it.
        var blamed = corpusCase.Expect["file"]?.GetValue<string>() ?? fileName;
        Assert.True(blamed == "*" || issues.All(i => i.File.EndsWith(blamed, StringComparison.Ordinal)), corpusCase + Environment.NewLine + shown);
    }

    private static bool NeedsRunner(JsonObject input) =>
        input.ContainsKey("finOpsMetadataText") || input.ContainsKey("dataverseMetadataText") || input.ContainsKey("choicesText") || input.ContainsKey("extraMaps");

    private static async Task<IReadOnlyList<ValidationIssue>> RunnerAsync(JsonObject input, string fileName, string mapText)
    {
        var directory = Directory.CreateTempSubdirectory("dualwrite-corpus-maps-");
        try
        {
            var maps = Directory.CreateDirectory(Path.Combine(directory.FullName, "maps")).FullName;
            foreach (var file in Directory.GetFiles(StandardMetadata.MapsDirectory, "*.json"))
            {
                File.Copy(file, Path.Combine(maps, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(maps, fileName), mapText);
            foreach (var (extraName, extra) in input["extraMaps"] as JsonObject ?? [])
            {
                File.WriteAllText(Path.Combine(maps, extraName), extra!.ToJsonString());
            }

            var finOps = Write(directory, "fno.xml", input["finOpsMetadataText"], StandardMetadata.FinOpsPath);
            var dataverse = Write(directory, "dataverse.xml", input["dataverseMetadataText"], StandardMetadata.DataversePath);
            var choices = Write(directory, "dataverse-choices.json", input["choicesText"], StandardMetadata.ChoicesPath);
            return await MapValidationRunner.RunAsync(maps, finOps, dataverse, choices);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Write(DirectoryInfo directory, string name, JsonNode? text, string standard)
    {
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, text is null ? File.ReadAllText(standard) : text.GetValue<string>());
        return path;
    }
}
