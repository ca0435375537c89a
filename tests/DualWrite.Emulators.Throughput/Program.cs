using System;
using System.Globalization;
using System.Threading.Tasks;

namespace DualWrite.Emulators.Throughput;

/// <summary>
/// Measures the emulators alone, in process, Release: Dataverse CreateMultiple / UpsertMultiple / single POST and
/// PATCH with the standard solution's steps registered (writes tagged as the listener tags them), and F&amp;O paged
/// reads of every customer. Prints one line per figure (median of <c>--repeat</c> runs).
/// <code>dotnet run -c Release --project tests/DualWrite.Emulators.Throughput -- [--rows 200000] [--batches 20] [--repeat 3] [--only dataverse|finops] [--no-steps]</code>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = ThroughputOptions.Parse(args);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Emulator throughput: store of {options.Rows:N0} rows, {options.Batches} batches of {options.BatchSize}, concurrency {options.Concurrency}, median of {options.Repeat}"));
        if (options.Only is null or "dataverse")
        {
            await DataverseScenario.RunAsync(options).ConfigureAwait(false);
        }

        if (options.Only is null or "finops")
        {
            await FinOpsScenario.RunAsync(options).ConfigureAwait(false);
        }

        return 0;
    }
}
