using System;
using System.IO;

namespace DualWrite.Emulators.Dataverse.Tests.Support;

/// <summary>Finds the checkout (the folder holding DualWrite.Plugins.sln) and the net10.0 plug-in build of this test run's configuration.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Solution => Path.Combine(Root, "solution");

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

        throw new InvalidOperationException("DualWrite.Plugins.sln not found above " + AppContext.BaseDirectory);
    }
}
