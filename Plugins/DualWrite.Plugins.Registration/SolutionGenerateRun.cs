using System;
using System.IO;
using DualWrite.MapValidation.Validation;

namespace DualWrite.Plugins.Registration;

/// <summary>
/// What <c>generate</c> does (this project's command line; the tests call it too): write the solution folder from the maps, or with
/// <c>check</c> only report whether it is up to date. Exit codes: 0 done or up to date, 1 stale or
/// invalid maps, 2 bad arguments.
/// </summary>
public static class SolutionGenerateRun
{
    public const string RegenerateHint = "Run from the repository root: dotnet run --project Plugins/DualWrite.Plugins.Registration -- generate";

    public static int Run(string mapsDirectory, string outputDirectory, bool check, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!Directory.Exists(mapsDirectory))
        {
            error.WriteLine("No maps folder '" + Path.GetFullPath(mapsDirectory) + "'. Run from the repository root or pass --maps.");
            return 2;
        }

        try
        {
            var files = SolutionGenerator.Generate(MapFile.ReadDirectory(mapsDirectory), SolutionGenerator.ReadFinOpsMetadata(mapsDirectory));
            if (check)
            {
                var differences = SolutionFolder.Differences(outputDirectory, files);
                foreach (var difference in differences)
                {
                    output.WriteLine("out of date: " + difference);
                }

                output.WriteLine(differences.Count == 0 ? outputDirectory + " is up to date with " + mapsDirectory + "." : RegenerateHint);
                return differences.Count == 0 ? 0 : 1;
            }

            var changes = SolutionFolder.Write(outputDirectory, files);
            foreach (var change in changes)
            {
                output.WriteLine(change);
            }

            output.WriteLine(changes.Count == 0
                ? outputDirectory + " was already up to date (" + files.Count + " files)."
                : "Updated " + changes.Count + " of " + files.Count + " files in " + outputDirectory + ".");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }
}
