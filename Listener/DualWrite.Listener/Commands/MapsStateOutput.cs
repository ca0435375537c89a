using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using DualWrite.Listener.Admin;
using DualWrite.Listener.MapStates;
using Spectre.Console;

namespace DualWrite.Listener.Commands;

/// <summary>How the maps commands print maps: a table on a terminal, aligned lines when redirected, or JSON.</summary>
internal static class MapsStateOutput
{
    private static readonly string[] Headers = ["MAP", "STATE", "BACKLOG", "FAILED", "LAG", "SINCE", "REASON"];

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, AdminJson.Options);

    public static Table Table(IReadOnlyList<MapStatus> maps)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in Headers)
        {
            table.AddColumn(new TableColumn(header));
        }

        foreach (var map in maps)
        {
            table.AddRow(Cells(map).Select((cell, i) => i == 1 ? "[" + Colour(map.State) + "]" + Markup.Escape(cell) + "[/]" : Markup.Escape(cell)).ToArray());
        }

        return table;
    }

    /// <summary>Columns padded to their widest cell, for a pipe or a file.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<MapStatus> maps)
    {
        var rows = new List<string[]> { Headers };
        rows.AddRange(maps.Select(Cells));
        var widths = Enumerable.Range(0, Headers.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return rows.Select(r => string.Join("  ", r.Select((cell, i) => i == r.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd()).ToList();
    }

    /// <summary>One sentence for a changed (or unchanged) map.</summary>
    public static string Changed(string operation, MapStatus map) =>
        "Map '" + map.Name + "' is " + Name(map.State) + " (" + operation + "); " + map.Backlog.ToString("N0", CultureInfo.InvariantCulture) + " events waiting"
        + (map.Failed > 0 ? ", " + map.Failed.ToString("N0", CultureInfo.InvariantCulture) + " failed" : string.Empty) + ".";

    public static string Name(MapRunState state) => state switch
    {
        MapRunState.NotRunning => "not running",
        MapRunState.InitialSync => "in initial sync",
        MapRunState.Running => "running",
        MapRunState.Paused => "paused",
        MapRunState.CatchingUp => "catching up",
        _ => state.ToString(),
    };

    private static string[] Cells(MapStatus map) =>
    [
        map.Name,
        Name(map.State),
        map.Backlog.ToString("N0", CultureInfo.InvariantCulture),
        map.Failed.ToString("N0", CultureInfo.InvariantCulture),
        Lag(map.LagSeconds),
        map.Since?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-",
        map.Reason ?? string.Empty,
    ];

    private static string Lag(double seconds) => seconds switch
    {
        <= 0 => "0s",
        < 60 => seconds.ToString("0.#", CultureInfo.InvariantCulture) + "s",
        < 3600 => ((int)(seconds / 60)).ToString(CultureInfo.InvariantCulture) + "m" + ((int)(seconds % 60)).ToString("00", CultureInfo.InvariantCulture) + "s",
        _ => ((int)(seconds / 3600)).ToString(CultureInfo.InvariantCulture) + "h" + ((int)(seconds % 3600 / 60)).ToString("00", CultureInfo.InvariantCulture) + "m",
    };

    private static string Colour(MapRunState state) => state switch
    {
        MapRunState.Running => "green",
        MapRunState.Paused => "yellow",
        MapRunState.CatchingUp or MapRunState.InitialSync => "blue",
        _ => "grey",
    };
}
