using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.Listener.Applying;
using DualWrite.MapValidation.Metadata;
using DualWrite.MapValidation.Validation;

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

    private const string FinOpsMetadataResource = "DualWrite.Listener.metadata.fno.xml";

    /// <summary>All the listener reads about the maps: the maps and F&amp;O's nullability beside them.</summary>
    public static MapCatalog LoadCatalog(string? folder) => new(Load(folder), LoadFinOpsNullability(folder));

    /// <summary>
    /// F&amp;O's $metadata beside the maps (<c>&lt;folder&gt;/metadata/fno.xml</c>, the file the plug-in's steps are
    /// generated from), else the standard one embedded with the standard maps; null when a folder has none.
    /// </summary>
    public static FinOpsNullability? LoadFinOpsNullability(string? folder)
    {
        if (folder is not null)
        {
            var path = FinOpsNullability.DefaultPath(folder);
            return File.Exists(path) ? FinOpsNullability.Parse(File.ReadAllText(path)) : null;
        }

        using var stream = typeof(MapSource).Assembly.GetManifestResourceStream(FinOpsMetadataResource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return FinOpsNullability.Parse(reader.ReadToEnd());
    }

    public static IReadOnlyList<TableMap> Load(string? folder)
    {
        // A folder is read by the one folder reader MapValidation shares with `maps validate` and `maps plan`.
        var files = folder is null ? Embedded() : MapFile.ReadDirectory(folder).Select(file => (file.Name, file.Text));
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
