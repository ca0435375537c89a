using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;

namespace DualWrite.Listener.Syncing;

/// <summary>
/// Where the maps come from: a folder of map files (<c>DualWrite:Maps:Folder</c>), else the standard maps
/// embedded in this executable (Shared/maps at build time). A map that does not load stops the start with
/// every problem listed.
/// </summary>
public static class MapSource
{
    public const string FolderSetting = "DualWrite:Maps:Folder";

    private const string ResourcePrefix = "DualWrite.Listener.maps.";

    public static IReadOnlyList<TableMap> Load(string? folder)
    {
        var files = folder is null ? Embedded() : Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)));
        var maps = new List<TableMap>();
        var problems = new List<string>();
        foreach (var (name, json) in files)
        {
            var loaded = MapLoader.Load(json, name);
            if (loaded.Succeeded)
            {
                maps.Add(loaded.Map!);
            }
            else
            {
                problems.AddRange(loaded.Errors.Select(e => e.ToString()));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The maps do not load:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        return maps;
    }

    private static IEnumerable<(string Name, string Json)> Embedded()
    {
        var assembly = typeof(MapSource).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)).OrderBy(r => r, StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[ResourcePrefix.Length..], reader.ReadToEnd());
        }
    }
}
