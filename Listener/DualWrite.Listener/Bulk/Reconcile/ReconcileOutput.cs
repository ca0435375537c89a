using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>A reconcile run as a person reads it (a Spectre.Console table, or plain lines) and as machines read it (JSON).</summary>
public static class ReconcileOutput
{
    public const int DifferencesShown = 10;

    public static Table Table(ReconcileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Rounded).Title("Reconcile" + (report.Fixed ? " --fix" : string.Empty));
        table.AddColumn("map");
        table.AddColumn("company");
        table.AddColumn("master");
        foreach (var number in new[] { "F&O rows", "Dataverse rows", "missing in Dataverse", "missing in F&O", "records differing", "fields differing", "fixed", "not fixed", "seconds" })
        {
            table.AddColumn(new TableColumn(Markup.Escape(number)).RightAligned());
        }

        foreach (var map in report.Maps)
        {
            var color = map.Unresolved == 0 ? "green" : "yellow";
            table.AddRow(
                "[" + color + "]" + Markup.Escape(map.Map) + "[/]", Markup.Escape(map.Company ?? "-"), Markup.Escape(map.Master),
                N(map.FinOpsRows), N(map.DataverseRows), N(map.MissingInDataverse), N(map.MissingInFinOps), N(map.RecordsDiffering), N(map.FieldDifferences),
                report.Fixed ? N(map.Fixed) : "-", report.Fixed ? N(map.FixFailed) : "-", map.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        }

        return table;
    }

    /// <summary>The first differences across maps, as a second table; null when there are none.</summary>
    public static Table? DifferencesTable(ReconcileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var first = report.Maps.SelectMany(m => m.FirstDifferences).Take(DifferencesShown).ToList();
        if (first.Count == 0)
        {
            return null;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("First differences");
        foreach (var column in new[] { "map", "company", "key", "difference", "field", "F&O", "Dataverse" })
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var d in first)
        {
            table.AddRow(Markup.Escape(d.Map), Markup.Escape(d.Company ?? "-"), Markup.Escape(d.Key), Markup.Escape(Describe(d.Kind)), Markup.Escape(d.Field ?? string.Empty),
                Markup.Escape(d.FinOpsValue ?? "null"), Markup.Escape(d.DataverseValue ?? "null"));
        }

        return table;
    }

    /// <summary>Plain lines: one per map, then the first differences and problems.</summary>
    public static IEnumerable<string> Lines(ReconcileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var map in report.Maps)
        {
            yield return "Map '" + map.Map + "'" + (map.Company is null ? string.Empty : " company " + map.Company) + " (master " + map.Master + "): "
                + map.FinOpsRows + " F&O rows, " + map.DataverseRows + " Dataverse rows; " + map.MissingInDataverse + " missing in Dataverse, "
                + map.MissingInFinOps + " missing in F&O, " + map.RecordsDiffering + " records differing (" + map.FieldDifferences + " fields)"
                + (report.Fixed ? "; " + map.Fixed + " fixed, " + map.FixFailed + " not fixed" : string.Empty) + ".";
        }

        foreach (var d in report.Maps.SelectMany(m => m.FirstDifferences).Take(DifferencesShown))
        {
            yield return "  " + d.Map + (d.Company is null ? string.Empty : " " + d.Company) + " " + d.Key + ": " + Describe(d.Kind)
                + (d.Field is null ? string.Empty : " " + d.Field + ": F&O " + (d.FinOpsValue ?? "null") + ", Dataverse " + (d.DataverseValue ?? "null"));
        }

        foreach (var problem in report.Maps.SelectMany(m => m.Problems))
        {
            yield return "  " + problem;
        }

        yield return report.Unresolved == 0
            ? "In agreement" + (report.Fixed && report.Differences > 0 ? " after fixing " + report.Maps.Sum(m => m.Fixed) + " records" : string.Empty) + "."
            : report.Unresolved + " records out of agreement.";
        yield return report.RowsRead + " rows read in " + report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s ("
            + report.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture) + " rows/s).";
    }

    public static string Json(ReconcileReport report, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("exitCode", exitCode);
            json.WriteBoolean("fix", report.Fixed);
            json.WriteNumber("rowsRead", report.RowsRead);
            json.WriteNumber("seconds", Math.Round(report.Elapsed.TotalSeconds, 3));
            json.WriteNumber("rowsPerSecond", Math.Round(report.RowsPerSecond, 1));
            json.WriteNumber("differences", report.Differences);
            json.WriteNumber("unresolved", report.Unresolved);
            json.WriteStartArray("maps");
            foreach (var map in report.Maps)
            {
                json.WriteStartObject();
                json.WriteString("map", map.Map);
                json.WriteString("company", map.Company);
                json.WriteString("master", map.Master);
                json.WriteNumber("finOpsRows", map.FinOpsRows);
                json.WriteNumber("dataverseRows", map.DataverseRows);
                json.WriteNumber("matched", map.Matched);
                json.WriteNumber("missingInDataverse", map.MissingInDataverse);
                json.WriteNumber("missingInFinOps", map.MissingInFinOps);
                json.WriteNumber("recordsDiffering", map.RecordsDiffering);
                json.WriteNumber("fieldDifferences", map.FieldDifferences);
                json.WriteNumber("fixed", map.Fixed);
                json.WriteNumber("fixFailed", map.FixFailed);
                json.WriteNumber("unresolved", map.Unresolved);
                json.WriteNumber("seconds", Math.Round(map.Elapsed.TotalSeconds, 3));
                json.WriteStartArray("firstDifferences");
                foreach (var d in map.FirstDifferences)
                {
                    json.WriteStartObject();
                    json.WriteString("key", d.Key);
                    json.WriteString("kind", d.Kind.ToString());
                    json.WriteString("field", d.Field);
                    json.WriteString("finOpsValue", d.FinOpsValue);
                    json.WriteString("dataverseValue", d.DataverseValue);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("problems");
                foreach (var problem in map.Problems)
                {
                    json.WriteStringValue(problem);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Describe(ReconcileDifferenceKind kind) => kind switch
    {
        ReconcileDifferenceKind.MissingInDataverse => "missing in Dataverse",
        ReconcileDifferenceKind.MissingInFinOps => "missing in F&O",
        _ => "differs",
    };

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
