using System;
using System.Collections.Generic;
using System.Globalization;
using DualWrite.Listener.Bulk.InitialSync;
using DualWrite.Listener.Bulk.Progress;

namespace DualWrite.Listener.Bulk.Reports;

/// <summary>A run's summary as plain text lines: one per map, then the totals, the report files and the problems.</summary>
public static class InitialSyncSummaryText
{
    public static IReadOnlyList<string> Lines(InitialSyncSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var lines = new List<string>
        {
            string.Format(CultureInfo.InvariantCulture, "  {0,-4} {1,-28} {2,-18} {3,-11} {4,10} {5,10} {6,10} {7,8} {8,8} {9,10}", "wave", "map", "direction", "status", "read", "written", "skipped", "failed", "seconds", "rows/s"),
        };
        foreach (var map in summary.Maps)
        {
            lines.Add(string.Format(
                CultureInfo.InvariantCulture,
                "  {0,-4} {1,-28} {2,-18} {3,-11} {4,10} {5,10} {6,10} {7,8} {8,8:0.0} {9,10:0}",
                map.Wave,
                map.Map,
                map.Direction,
                map.Status + (map.Resumed ? "*" : string.Empty),
                ProgressText.Count(map.Read),
                ProgressText.Count(map.Written),
                ProgressText.Count(map.Skipped),
                ProgressText.Count(map.Failed),
                map.Elapsed.TotalSeconds,
                map.RowsPerSecond));
            if (map.Problem is not null && map.Status != InitialSyncMapStatus.Completed)
            {
                lines.Add("       " + map.Problem);
            }
        }

        lines.Add(string.Format(
            CultureInfo.InvariantCulture,
            "  total: {0} read, {1} written, {2} skipped (outside the filter), {3} failed in {4:0.0} s ({5:0} rows/s); run {6}",
            ProgressText.Count(summary.Read),
            ProgressText.Count(summary.Written),
            ProgressText.Count(summary.Skipped),
            ProgressText.Count(summary.Failed),
            summary.Elapsed.TotalSeconds,
            summary.RowsPerSecond,
            summary.RunId));
        foreach (var file in summary.ReportFiles)
        {
            lines.Add("  errors: " + file);
        }

        foreach (var problem in summary.Problems)
        {
            lines.Add("  " + problem);
        }

        return lines;
    }
}
