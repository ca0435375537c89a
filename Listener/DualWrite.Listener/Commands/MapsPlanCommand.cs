using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using DualWrite.Core.Dependencies;
using DualWrite.Core.Maps;
using DualWrite.Core.Maps.Loading;
using DualWrite.MapValidation.Validation;

namespace DualWrite.Listener.Commands;

/// <summary>
/// <c>dualwrite maps plan --maps &lt;dir&gt;</c>: the initial-sync waves the maps' lookups imply, one
/// wave a line; exit code 1 when a map does not load or maps form a cycle.
/// </summary>
internal static class MapsPlanCommand
{
    public static Command Create(TextWriter output)
    {
        var maps = new Option<DirectoryInfo>("--maps") { Description = "The folder of map files (*.json).", Required = true };
        var command = new Command("plan", "Print the initial-sync waves: each wave needs only the maps of earlier waves.") { maps };
        command.SetAction(parseResult => Write(MapFile.ReadDirectory(parseResult.GetValue(maps)!.FullName), output));
        return command;
    }

    private static int Write(IReadOnlyList<MapFile> files, TextWriter output)
    {
        var loaded = new List<TableMap>();
        var failed = false;
        foreach (var file in files)
        {
            var result = MapLoader.Load(file.Text, file.Name);
            if (result.Map is null)
            {
                failed = true;
                foreach (var error in result.Errors)
                {
                    output.WriteLine(error.ToString());
                }

                continue;
            }

            loaded.Add(result.Map);
        }

        var plan = InitialSyncPlanner.Plan(loaded);
        for (var wave = 0; wave < plan.Waves.Count; wave++)
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "wave {0}: {1}", wave + 1, string.Join(", ", plan.Waves[wave])));
        }

        foreach (var self in plan.SelfReferences)
        {
            output.WriteLine("second pass: " + self);
        }

        foreach (var cycle in plan.Cycles)
        {
            output.WriteLine("cycle: " + cycle);
        }

        if (plan.Blocked.Count > 0)
        {
            output.WriteLine("blocked by cycles: " + string.Join(", ", plan.Blocked));
        }

        return failed || plan.HasCycles ? ValidationReport.IssuesFound : ValidationReport.Green;
    }
}
