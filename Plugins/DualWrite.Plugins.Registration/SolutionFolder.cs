using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace DualWrite.Plugins.Registration;

/// <summary>
/// Writes generated solution files to a folder and compares a folder with them. Only the files the
/// generator owns are touched: the built .dll a user copies next to its data file is left alone.
/// </summary>
public static class SolutionFolder
{
    /// <summary>Writes changed files, deletes generated files no map produces any more; returns what changed.</summary>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyDictionary<string, string> files)
    {
        var changes = new List<string>();
        foreach (var stale in Differences(directory, files))
        {
            var path = Path.Combine(directory, stale.Replace('/', Path.DirectorySeparatorChar));
            if (!files.ContainsKey(stale) && File.Exists(path))
            {
                File.Delete(path);
                changes.Add("deleted " + stale);
            }
        }

        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(path) && File.ReadAllText(path) == content)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            changes.Add("wrote " + relative);
        }

        return changes;
    }

    /// <summary>Generated paths whose committed file is missing, different or (for owned kinds of file) no longer generated.</summary>
    public static IReadOnlyList<string> Differences(string directory, IReadOnlyDictionary<string, string> files)
    {
        var differences = new List<string>();
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(path) || File.ReadAllText(path) != content)
            {
                differences.Add(relative);
            }
        }

        foreach (var owned in OwnedFiles(directory))
        {
            if (!files.ContainsKey(owned))
            {
                differences.Add(owned);
            }
        }

        differences.Sort(StringComparer.Ordinal);
        return differences;
    }

    /// <summary>Files of kinds the generator writes: steps, tables, the data file, the two Other/ files.</summary>
    private static IEnumerable<string> OwnedFiles(string directory)
    {
        var steps = Path.Combine(directory, "SdkMessageProcessingSteps");
        if (Directory.Exists(steps))
        {
            foreach (var file in Directory.GetFiles(steps, "*.xml"))
            {
                yield return "SdkMessageProcessingSteps/" + Path.GetFileName(file);
            }
        }

        var entities = Path.Combine(directory, "Entities");
        if (Directory.Exists(entities))
        {
            foreach (var file in Directory.GetFiles(entities, "Entity.xml", SearchOption.AllDirectories))
            {
                yield return Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
            }
        }

        var assemblies = Path.Combine(directory, "PluginAssemblies");
        if (Directory.Exists(assemblies))
        {
            foreach (var file in Directory.GetFiles(assemblies, "*.dll.data.xml", SearchOption.AllDirectories))
            {
                yield return Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
            }
        }
    }
}
