using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Emulators.FinOps.Seed;

namespace DualWrite.Emulators.FinOps;

/// <summary>
/// <c>dotnet run --project Emulators/DualWrite.Emulators.FinOps -- --port 5100 --seed small</c>.
/// Options: --port N (default 5100), --seed none|small (default small), --customers N (the small set with
/// N customers), --random-seed N, --exit-after-load (print load figures and stop: for measurements).
/// </summary>
public static class Program
{
    private const string Usage = "Options: --port N (default 5100) --seed none|small --customers N --random-seed N --exit-after-load";

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        FinOpsEmulatorOptions options;
        bool exitAfterLoad;
        try
        {
            options = Parse(args, out exitAfterLoad);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        await using var emulator = await FinOpsEmulator.StartAsync(options).ConfigureAwait(false);
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var rows = 0;
        foreach (var count in emulator.SeedReport.RowsPerEntitySet.Values)
        {
            rows += count;
        }

        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "F&O emulator on {0} (OData root {1}); seeded {2:N0} rows ({3:N0} customers) in {4:0.00} s; working set {5:N0} MB, peak {6:N0} MB, managed heap {7:N0} MB",
            emulator.BaseAddress,
            emulator.DataAddress,
            rows,
            emulator.SeedReport.RowsPerEntitySet["CustomersV3"],
            emulator.SeedReport.Elapsed.TotalSeconds,
            process.WorkingSet64 / (1024 * 1024),
            process.PeakWorkingSet64 / (1024 * 1024),
            GC.GetTotalMemory(forceFullCollection: false) / (1024 * 1024)));
        Console.WriteLine("Token: POST " + emulator.TokenEndpointFor() + " (client_id=" + DefaultEmulatorClient.ClientId + ", client_secret=" + DefaultEmulatorClient.ClientSecret + "). Ctrl+C stops.");
        if (!exitAfterLoad)
        {
            await emulator.WaitForShutdownAsync().ConfigureAwait(false);
        }

        return 0;
    }

    private static FinOpsEmulatorOptions Parse(string[] args, out bool exitAfterLoad)
    {
        var options = new FinOpsEmulatorOptions { Port = 5100, LogToConsole = true };
        exitAfterLoad = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value.");
            switch (args[i])
            {
                case "--port":
                    options.Port = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    var seed = Next();
                    options.Seed = seed switch
                    {
                        "none" => SeedOptions.None,
                        "small" => SeedOptions.Small,
                        _ => throw new ArgumentException("--seed is none or small (use --customers N for large sets), not '" + seed + "'."),
                    };
                    break;
                case "--customers":
                    options.Seed = options.Seed with { Customers = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--random-seed":
                    options.Seed = options.Seed with { RandomSeed = int.Parse(Next(), CultureInfo.InvariantCulture) };
                    break;
                case "--exit-after-load":
                    exitAfterLoad = true;
                    options.LogToConsole = false;
                    break;
                default:
                    throw new ArgumentException("Unknown option '" + args[i] + "'.");
            }
        }

        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }

        return options;
    }
}
