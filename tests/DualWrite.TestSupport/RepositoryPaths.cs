using System;
using System.IO;

namespace DualWrite.TestSupport;

/// <summary>Folders of the checkout tests read, found from the test's output folder (the folder holding DualWrite.Plugins.sln).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Maps => Path.Combine(Root, "Shared", "maps");

    /// <summary>The committed Dataverse solution folder (SolutionPackager's unpacked layout).</summary>
    public static string Solution => Path.Combine(Root, "solution");

    public static string MapFile(string fileName) => Path.Combine(Maps, fileName);

    /// <summary>Plugins/DualWrite.Plugins/bin/&lt;Debug|Release&gt;/net10.0/DualWrite.Plugins.dll, the configuration the tests were built with.</summary>
    public static string PluginAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(Root, "Plugins", "DualWrite.Plugins", "bin", configuration, "net10.0", "DualWrite.Plugins.dll");
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DualWrite.Plugins.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No DualWrite.Plugins.sln above " + AppContext.BaseDirectory);
    }
}
