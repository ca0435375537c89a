using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using DualWrite.Listener.Admin;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace DualWrite.Listener.Commands;

/// <summary>
/// How the admin commands print: JSON in the admin API's shape with <c>--json</c>; a Spectre table on a terminal; plain
/// aligned text otherwise (a pipe, a file, a test). A problem goes out as one "error:" line (JSON: a problem document).
/// </summary>
internal sealed class AdminOutput(TextWriter output, bool json)
{
    public bool Json => json;

    public bool Terminal => OneShotHost.IsTerminal(json, output);

    /// <summary>Prints <paramref name="result"/> with <paramref name="write"/>, or its problem; returns the exit code.</summary>
    public int Write<T>(OperationResult<T> result, Action<T> write)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(write);
        if (!result.Succeeded)
        {
            Problem(result.Problem!.Value, result.Detail!);
            return AdminExitCodes.For(result.Problem);
        }

        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(result.Value, AdminJson.Printing));
        }
        else
        {
            write(result.Value!);
        }

        return AdminExitCodes.Succeeded;
    }

    public int Problem(OperationProblemKind kind, string detail)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new { title = kind.ToString(), detail }, AdminJson.Printing));
        }
        else
        {
            output.WriteLine("error: " + detail);
        }

        return AdminExitCodes.For(kind);
    }

    public void Line(string text) => output.WriteLine(text);

    /// <summary>A table: Spectre on a terminal, aligned columns otherwise.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var all = new List<IReadOnlyList<string>>(rows);
        if (Terminal)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in headers)
            {
                table.AddColumn(Markup.Escape(header));
            }

            foreach (var row in all)
            {
                table.AddRow(System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(row, cell => (IRenderable)new Text(cell))));
            }

            AnsiConsole.Write(table);
            return;
        }

        var widths = new int[headers.Count];
        foreach (var row in System.Linq.Enumerable.Prepend(all, headers))
        {
            for (var i = 0; i < widths.Length && i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in System.Linq.Enumerable.Prepend(all, headers))
        {
            var cells = new string[widths.Length];
            for (var i = 0; i < widths.Length; i++)
            {
                var cell = i < row.Count ? row[i] : string.Empty;
                cells[i] = i == widths.Length - 1 ? cell : cell.PadRight(widths[i]);
            }

            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }

    public static string Time(DateTimeOffset? at) => at is null ? "-" : at.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The first line of a long reason, cut for a table cell.</summary>
    public static string Short(string? text, int length = 70)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "-";
        }

        var line = text.Split('\n')[0].Trim();
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }
}
