using System;
using System.IO;

namespace DualWrite.Plugins.Registration;

/// <summary>
/// <c>generate [--maps Shared/maps] [--out solution] [--check]</c>: writes the solution folder from the
/// maps, or with --check only reports whether it is up to date (exit 1 when not).
/// </summary>
internal static class Program
{
    private const string Usage = "usage: generate [--maps <folder, default Shared/maps>] [--out <folder, default solution>] [--check]";

    private static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] != "generate")
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var maps = Path.Combine("Shared", "maps");
        var output = "solution";
        var check = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--maps" when i + 1 < args.Length:
                    maps = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--check":
                    check = true;
                    break;
                default:
                    Console.Error.WriteLine("Unknown argument '" + args[i] + "'. " + Usage);
                    return 2;
            }
        }

        if (!Directory.Exists(maps))
        {
            Console.Error.WriteLine("No maps folder '" + Path.GetFullPath(maps) + "'. Run from the repository root or pass --maps.");
            return 2;
        }

        try
        {
            var files = SolutionGenerator.Generate(SolutionGenerator.ReadMaps(maps));
            if (check)
            {
                var differences = SolutionFolder.Differences(output, files);
                foreach (var difference in differences)
                {
                    Console.WriteLine("out of date: " + difference);
                }

                Console.WriteLine(differences.Count == 0 ? output + " is up to date with " + maps + "." : "Run: dotnet run --project Plugins/DualWrite.Plugins.Registration -- generate");
                return differences.Count == 0 ? 0 : 1;
            }

            var changes = SolutionFolder.Write(output, files);
            foreach (var change in changes)
            {
                Console.WriteLine(change);
            }

            Console.WriteLine(changes.Count == 0
                ? output + " was already up to date (" + files.Count + " files)."
                : "Updated " + changes.Count + " of " + files.Count + " files in " + output + ".");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
