using System;
using System.IO;

namespace DualWrite.EndToEnd.Tests.Support;

/// <summary>Folders of the checkout the tests read (the standard maps, the solution).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Maps => Path.Combine(Root, "Shared", "maps");

    public static string Solution => Path.Combine(Root, "solution");

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
