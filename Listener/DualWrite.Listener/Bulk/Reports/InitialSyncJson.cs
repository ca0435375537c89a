using System;
using System.IO;
using System.Text;
using System.Text.Json;
using DualWrite.Listener.Bulk.InitialSync;

namespace DualWrite.Listener.Bulk.Reports;

/// <summary>A run's summary as one JSON object, for scripts: per map, then totals, report files, problems and the exit code.</summary>
public static class InitialSyncJson
{
    public static string Write(InitialSyncSummary summary, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("runId", summary.RunId);
            json.WriteNumber("exitCode", exitCode);
            json.WriteNumber("seconds", Math.Round(summary.Elapsed.TotalSeconds, 3));
            json.WriteNumber("rowsPerSecond", Math.Round(summary.RowsPerSecond, 1));
            json.WriteStartObject("totals");
            json.WriteNumber("read", summary.Read);
            json.WriteNumber("written", summary.Written);
            json.WriteNumber("skipped", summary.Skipped);
            json.WriteNumber("failed", summary.Failed);
            json.WriteEndObject();
            json.WriteStartArray("maps");
            foreach (var map in summary.Maps)
            {
                json.WriteStartObject();
                json.WriteString("map", map.Map);
                json.WriteNumber("wave", map.Wave);
                json.WriteString("direction", map.Direction.ToString());
                json.WriteString("status", map.Status.ToString());
                json.WriteBoolean("resumed", map.Resumed);
                json.WriteNumber("read", map.Read);
                json.WriteNumber("written", map.Written);
                json.WriteNumber("skipped", map.Skipped);
                json.WriteNumber("failed", map.Failed);
                json.WriteNumber("seconds", Math.Round(map.Elapsed.TotalSeconds, 3));
                json.WriteNumber("rowsPerSecond", Math.Round(map.RowsPerSecond, 1));
                json.WriteString("problem", map.Problem);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("reports");
            foreach (var file in summary.ReportFiles)
            {
                json.WriteStringValue(file);
            }

            json.WriteEndArray();
            json.WriteStartArray("problems");
            foreach (var problem in summary.Problems)
            {
                json.WriteStringValue(problem);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
