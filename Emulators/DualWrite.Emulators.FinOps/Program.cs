using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Emulators.Common.Auth;
using DualWrite.Emulators.Common.CommandLine;
using DualWrite.Emulators.FinOps.Auth;
using DualWrite.Emulators.FinOps.Hosting;
using DualWrite.Emulators.FinOps.Seed;

namespace DualWrite.Emulators.FinOps;

/// <summary>
/// <c>dotnet run --project Emulators/DualWrite.Emulators.FinOps -- --port 5100 --seed small</c>; <c>--help</c> lists
/// the options: those both emulators share (<see cref="EmulatorCommandLineOptions"/>) and --exit-after-load (print
/// load figures and stop: for measurements).
/// </summary>
public static class Program
{
    public const int DefaultPort = 5100;

    private const string Usage = "Options: --port N (default 5100) --seed none|small --customers N --random-seed N --client ID:SECRET (better: DUALWRITE_EMULATOR_CLIENTS or --clients-file) --latency-per-request MS --latency-per-record MS --quiet --exit-after-load (--help lists all)";

    private static readonly Option<bool> ExitAfterLoad = new("--exit-after-load")
    {
        Description = "Print load time and memory, then stop.",
    };

    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var shared = new EmulatorCommandLineOptions(DefaultPort);
        var command = shared.CreateRootCommand("The F&O OData emulator on loopback.");
        command.Options.Add(ExitAfterLoad);
        command.SetAction((result, cancellationToken) => RunAsync(shared, result, cancellationToken));
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var (_, problems) = OptionsOf(shared, parsed);
            return await ReportAsync(problems).ConfigureAwait(false);
        }

        return await parsed.InvokeAsync().ConfigureAwait(false);
    }

    internal static (FinOpsEmulatorOptions Options, IReadOnlyList<string> Problems) OptionsOf(EmulatorCommandLineOptions shared, ParseResult result)
    {
        var problems = EmulatorCommandLineOptions.ProblemsOf(result);
        var exitAfterLoad = EmulatorCommandLineOptions.ValueOr(result, ExitAfterLoad, false);
        var options = new FinOpsEmulatorOptions
        {
            Port = EmulatorCommandLineOptions.ValueOr(result, shared.Port, DefaultPort),
            LogToConsole = !exitAfterLoad && !EmulatorCommandLineOptions.ValueOr(result, shared.Quiet, false),
            Seed = shared.SeedsData(result, problems) ? SeedOptions.Small : SeedOptions.None,
        };

        if (EmulatorCommandLineOptions.ValueOr(result, shared.Customers, null) is { } customers)
        {
            options.Seed = options.Seed with { Customers = customers };
        }

        if (EmulatorCommandLineOptions.ValueOr(result, shared.RandomSeed, null) is { } randomSeed)
        {
            options.Seed = options.Seed with { RandomSeed = randomSeed };
        }

        options.Latency = shared.LatencyOf(result, problems);
        foreach (var (clientId, clientSecret) in shared.ClientsOf(result, problems))
        {
            options.Clients.Add(new FinOpsClientCredential(clientId, clientSecret));
        }

        problems.AddRange(options.Validate());
        return (options, problems);
    }

    private static async Task<int> RunAsync(EmulatorCommandLineOptions shared, ParseResult result, CancellationToken cancellationToken)
    {
        var (options, problems) = OptionsOf(shared, result);
        if (problems.Count > 0)
        {
            return await ReportAsync(problems).ConfigureAwait(false);
        }

        if (shared.CommandLineSecretWarning(result) is { } warning)
        {
            await Console.Error.WriteLineAsync(warning).ConfigureAwait(false);
        }

        await using var emulator = await FinOpsEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
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
        if (!EmulatorCommandLineOptions.ValueOr(result, ExitAfterLoad, false))
        {
            await emulator.WaitForShutdownAsync().ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> ReportAsync(IReadOnlyList<string> problems)
    {
        await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, problems) + Environment.NewLine + Usage).ConfigureAwait(false);
        return 2;
    }
}
