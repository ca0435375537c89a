using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DualWrite.Sync.Benchmarks.Reporting;

/// <summary>The figures of one run, in the order measured: a markdown table for the README, JSON for machines.</summary>
public sealed class BenchmarkReport
{
    private readonly List<Figure> _figures = new();
    private readonly JsonObject _details = new();

    public IReadOnlyList<Figure> Figures => _figures;

    public void Add(string phase, string measure, double? value, string unit, string note = "")
    {
        var figure = new Figure(phase, measure, value, unit, note);
        _figures.Add(figure);
        Console.WriteLine("  " + phase + " | " + measure + " | " + Format(figure) + (note.Length > 0 ? " | " + note : string.Empty));
    }

    public void NotAvailable(string phase, string why) => Add(phase, "not available", null, string.Empty, why);

    /// <summary>Raw answers (the commands' JSON) kept for the JSON file.</summary>
    public void Detail(string name, JsonNode? value) => _details[name] = value?.DeepClone();

    public double? Value(string phase, string measure) => _figures.LastOrDefault(f => f.Phase == phase && f.Measure == measure)?.Value;

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Phase | Measure | Value | Note |");
        text.AppendLine("|---|---|---:|---|");
        foreach (var figure in _figures)
        {
            text.Append("| ").Append(figure.Phase).Append(" | ").Append(figure.Measure).Append(" | ").Append(Format(figure)).Append(" | ").Append(figure.Note.Replace("|", "/", StringComparison.Ordinal)).AppendLine(" |");
        }

        return text.ToString();
    }

    public void WriteJson(string path, BenchmarkOptions options)
    {
        var root = new JsonObject
        {
            ["machine"] = new JsonObject { ["processors"] = Environment.ProcessorCount, ["os"] = Environment.OSVersion.ToString(), ["runtime"] = Environment.Version.ToString() },
            ["options"] = JsonSerializer.SerializeToNode(options),
            ["figures"] = new JsonArray(_figures.Select(f => (JsonNode)new JsonObject
            {
                ["phase"] = f.Phase,
                ["measure"] = f.Measure,
                ["value"] = f.Value,
                ["unit"] = f.Unit,
                ["note"] = f.Note,
            }).ToArray()),
            ["details"] = _details.DeepClone(),
        };
        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string Format(Figure figure)
    {
        if (figure.Value is not { } value)
        {
            return "n/a";
        }

        var number = figure.Unit switch
        {
            "%" => value.ToString("0.0", CultureInfo.InvariantCulture),
            "x" => value.ToString("0.0", CultureInfo.InvariantCulture),
            "s" => value.ToString("0.00", CultureInfo.InvariantCulture),
            "ms" => value.ToString("0", CultureInfo.InvariantCulture),
            _ => value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture),
        };
        return figure.Unit.Length == 0 ? number : number + " " + figure.Unit;
    }
}
