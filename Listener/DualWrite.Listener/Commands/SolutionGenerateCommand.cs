extern alias Registration;

using System.CommandLine;
using System.IO;
using Registration::DualWrite.Plugins.Registration;

namespace DualWrite.Listener.Commands;

/// <summary>
/// <c>dualwrite solution generate [--maps Shared/maps] [--out solution] [--check]</c>: writes solution/ from the
/// maps (deterministic: a second run changes nothing), or with --check exits 1 when it is stale.
/// </summary>
internal static class SolutionGenerateCommand
{
    public static Command Create(TextWriter output)
    {
        var maps = new Option<DirectoryInfo>("--maps") { Description = "The folder of map files (*.json).", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("Shared", "maps")) };
        var solution = new Option<DirectoryInfo>("--out") { Description = "The solution folder (SolutionPackager's unpacked layout).", DefaultValueFactory = _ => new DirectoryInfo("solution") };
        var check = new Option<bool>("--check") { Description = "Change nothing; exit 1 when the folder is out of date with the maps." };
        var command = new Command("generate", "Generate the solution folder (plug-in assembly and one step per map and message) from the maps.")
        {
            maps, solution, check,
        };
        command.SetAction(parseResult => SolutionGenerateRun.Run(
            parseResult.GetValue(maps)!.FullName,
            parseResult.GetValue(solution)!.FullName,
            parseResult.GetValue(check),
            output,
            output));
        return command;
    }
}
