using System.Collections.Generic;
using System.IO;
using System.Linq;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.TestSupport;

namespace DualWrite.Core.Properties.Tests.Mapping;

/// <summary>Every map shipped in Shared/maps, loaded once.</summary>
internal static class StandardMaps
{
    private static readonly IReadOnlyList<TableMap> All = Directory.GetFiles(RepositoryPaths.Maps, "*.json")
        .OrderBy(f => f, System.StringComparer.Ordinal)
        .Select(Load)
        .ToList();

    public static IEnumerable<string> Names => All.Select(m => m.Name);

    public static TableMap Named(string name) => All.Single(m => m.Name == name);

    private static TableMap Load(string file)
    {
        var result = MapLoader.Load(File.ReadAllText(file), Path.GetFileName(file));
        Assert.True(result.Succeeded, file + ": " + string.Join("; ", result.Errors));
        return result.Map!;
    }
}
