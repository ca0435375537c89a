using System;
using System.IO;

namespace DualWrite.Plugins.Tests.Support;

/// <summary>Finds the checkout (the folder holding DualWrite.Plugins.sln) from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Maps => Path.Combine(Root, "Shared", "maps");

    public static string Solution => Path.Combine(Root, "solution");

    public static string MapFile(string fileName) => Path.Combine(Maps, fileName);

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
