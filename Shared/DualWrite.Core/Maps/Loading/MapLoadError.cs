using System.Globalization;

namespace DualWrite.Core.Maps.Loading;

/// <summary>One problem in a map file: where (file, line, column, property path) and what.</summary>
public sealed class MapLoadError
{
    public MapLoadError(string file, int line, int column, string path, string message)
    {
        File = file;
        Line = line;
        Column = column;
        Path = path;
        Message = message;
    }

    /// <summary>The file name the caller gave the loader.</summary>
    public string File { get; }

    /// <summary>1-based line of the offending JSON value; 0 when the problem is the whole document.</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>The property path inside the map, e.g. <c>fields[4].valueMap.entries[1].finOps</c>; empty for the document.</summary>
    public string Path { get; }

    public string Message { get; }

    /// <summary>Compiler-style: <c>customers.json(12,7): fields[4].direction: ...</c>.</summary>
    public override string ToString()
    {
        var position = Line > 0
            ? string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})", File, Line, Column)
            : File;
        return Path.Length > 0 ? position + ": " + Path + ": " + Message : position + ": " + Message;
    }
}
