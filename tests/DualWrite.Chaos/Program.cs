using System;
using System.Threading.Tasks;

namespace DualWrite.Chaos;

/// <summary>
/// The chaos run from the command line: prints its figures, writes them as JSON with <c>--json FILE</c>, and exits 0
/// when the system converged (0 differences, 0 lost, 0 duplicated, nothing left behind), 1 when not, 2 on bad options.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 1 && args[0] is "--help" or "-h" or "-?")
        {
            await Console.Out.WriteLineAsync(ChaosOptions.Usage).ConfigureAwait(false);
            return 0;
        }

        var (options, problems) = ChaosOptions.Parse(args);
        if (problems.Count > 0)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, problems) + Environment.NewLine + ChaosOptions.Usage).ConfigureAwait(false);
            return 2;
        }

        var figures = await ChaosRun.RunAsync(options, line =>
        {
            if (options.Verbose)
            {
                Console.WriteLine(line);
            }
        }).ConfigureAwait(false);
        Console.WriteLine();
        Console.Write(figures.ToText());
        if (options.JsonFile is { } path)
        {
            figures.WriteJson(path);
            Console.WriteLine("Figures written to " + path);
        }

        return figures.Converged ? 0 : 1;
    }
}
