using System;
using System.IO;

namespace DualWrite.Plugins.Registration;

/// <summary>
/// <c>generate [--maps Shared/maps] [--out solution] [--check]</c>: writes the solution folder from the
/// maps, or with --check only reports whether it is up to date (exit 1 when not):
/// <c>dotnet run --project Plugins/DualWrite.Plugins.Registration -- generate</c>.
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

        return SolutionGenerateRun.Run(maps, output, check, Console.Out, Console.Error);
    }
}
