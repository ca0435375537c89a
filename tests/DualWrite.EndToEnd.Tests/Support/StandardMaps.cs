using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.TestSupport;

namespace DualWrite.EndToEnd.Tests.Support;

internal static class StandardMaps
{
    /// <summary>Every map in Shared/maps, optionally with a map's JSON changed first (a conflict policy, say).</summary>
    public static IReadOnlyList<TableMap> Load(Func<string, string, string>? edit = null)
    {
        var maps = new List<TableMap>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Maps, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var json = File.ReadAllText(file);
            if (edit is not null)
            {
                json = edit(Path.GetFileName(file), json);
            }

            var loaded = MapLoader.Load(json, Path.GetFileName(file));
            Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
            maps.Add(loaded.Map!);
        }

        return maps;
    }

    /// <summary>Sets a map's conflict policy (the standard maps name none or FieldMerge).</summary>
    public static Func<string, string, string> WithPolicy(string fileName, string policy) => (file, json) =>
    {
        if (file != fileName)
        {
            return json;
        }

        var without = System.Text.RegularExpressions.Regex.Replace(json, "\"conflictPolicy\"\\s*:\\s*\"\\w+\"\\s*,", string.Empty);
        return without.Replace("\"direction\": \"TwoWay\",", "\"direction\": \"TwoWay\",\n  \"conflictPolicy\": \"" + policy + "\",", StringComparison.Ordinal);
    };
}
