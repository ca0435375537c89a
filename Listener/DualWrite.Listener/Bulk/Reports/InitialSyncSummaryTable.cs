using System;
using System.Globalization;
using DualWrite.Listener.Bulk.InitialSync;
using DualWrite.Listener.Bulk.Progress;
using Spectre.Console;

namespace DualWrite.Listener.Bulk.Reports;

/// <summary>A run's summary as a Spectre.Console table, for a terminal.</summary>
public static class InitialSyncSummaryTable
{
    public static Table Create(InitialSyncSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = new Table().Border(TableBorder.Rounded).Title("Initial sync " + Markup.Escape(summary.RunId));
        table.AddColumn("wave");
        table.AddColumn("map");
        table.AddColumn("direction");
        table.AddColumn("status");
        foreach (var number in new[] { "read", "written", "skipped", "failed", "seconds", "rows/s" })
        {
            table.AddColumn(new TableColumn(number).RightAligned());
        }

        foreach (var map in summary.Maps)
        {
            var status = map.Status == InitialSyncMapStatus.Completed ? (map.Failed > 0 ? "[yellow]" : "[green]") : "[red]";
            table.AddRow(
                map.Wave.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(map.Map),
                map.Direction.ToString(),
                status + map.Status + (map.Resumed ? " (resumed)" : string.Empty) + "[/]",
                ProgressText.Count(map.Read),
                ProgressText.Count(map.Written),
                ProgressText.Count(map.Skipped),
                ProgressText.Count(map.Failed),
                map.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                map.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        }

        table.AddRow(
            string.Empty,
            "[bold]total[/]",
            string.Empty,
            string.Empty,
            ProgressText.Count(summary.Read),
            ProgressText.Count(summary.Written),
            ProgressText.Count(summary.Skipped),
            ProgressText.Count(summary.Failed),
            summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
            summary.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        return table;
    }
}
