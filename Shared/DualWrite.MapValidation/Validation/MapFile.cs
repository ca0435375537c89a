using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DualWrite.MapValidation.Validation;

/// <summary>A map file's name (quoted in every issue) and its text.</summary>
public sealed class MapFile
{
    public MapFile(string name, string text)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Text = text ?? throw new ArgumentNullException(nameof(text));
    }

    public string Name { get; }

    public string Text { get; }

    /// <summary>Every <c>*.json</c> directly in a folder, by name (subfolders such as metadata/ are not maps).</summary>
    public static IReadOnlyList<MapFile> ReadDirectory(string directory) =>
        Directory.GetFiles(directory, "*.json", SearchOption.TopDirectoryOnly)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => new MapFile(Path.GetFileName(path), File.ReadAllText(path)))
            .ToList();
}
